package dev.provisioner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one command line of the executable in-process and captures its output and exit code;
 * {@link #toString()} shows all three, so a failing assertion prints them.
 */
public record CliRun(int exitCode, String out, String err) {

  /** Logback reporting on itself, e.g. {@code 12:38:25,100 |-WARN in Logger[...] - No appenders ...}. */
  private static final Pattern LOGBACK_STATUS = Pattern.compile("^\\d{2}:\\d{2}:\\d{2},\\d{3} \\|-.*");

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Like {@link #of}, with what reached {@code System.out} and {@code System.err} meanwhile put
   * before the command's own output: the console as a user of the jar sees it, logs and anything
   * printed past the command's streams (such as a stack trace) included. One run at a time.
   *
   * <p>Logback's reports on itself are left out: in a test JVM they come from other threads (an
   * in-process broker that logs while a start resets the logging system), not from the command.
   */
  public static synchronized CliRun withConsole(String... args) {
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    ByteArrayOutputStream consoleOut = new ByteArrayOutputStream();
    ByteArrayOutputStream consoleErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(consoleOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(consoleErr, true, StandardCharsets.UTF_8));
    try {
      CliRun run = of(args);
      return new CliRun(run.exitCode, withoutLogbackStatus(consoleOut) + run.out,
          withoutLogbackStatus(consoleErr) + run.err);
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  private static String withoutLogbackStatus(ByteArrayOutputStream console) {
    return console.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> !LOGBACK_STATUS.matcher(line).matches())
        .map(line -> line + "\n").collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}

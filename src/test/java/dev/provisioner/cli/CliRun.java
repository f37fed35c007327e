package dev.provisioner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs one command line of the executable in-process and captures its output and exit code;
 * {@link #toString()} shows all three, so a failing assertion prints them.
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}

package dev.provisioner.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code account-provisioner.jar}: the first argument picks the command.
 *
 * <p>Exit codes are the contract of PRODUCT.md: 0 success, 1 the work found failures, 2 bad usage
 * or settings. Errors reach standard error as one readable line, never a bare stack trace.
 * Without a command the usage goes to standard error, and the exit code is 2: nothing was done.
 */
@Command(
    name = "account-provisioner",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns account-creation commands on Kafka into accounts in Moment's billing API.",
    subcommands = {DevCommand.class, WorkerCommand.class, BrokerCommand.class, SandboxCommand.class,
        SubmitCommand.class, DltCommand.class, BenchCommand.class},
    commandListHeading = "%nCommands:%n",
    footer = {"", "Options are --name=value; Spring Boot properties work everywhere,",
        "e.g. --spring.kafka.bootstrap-servers=host:9092."})
public final class Main implements Callable<Integer> {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    if (code != ExitCodes.KEEP_RUNNING) {
      System.exit(code);
    }
  }

  /** Runs one command line with the given streams; returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new OneLineErrors())
        .setParameterExceptionHandler(OneLineErrors::onUsageError)
        .registerConverter(Duration.class, OptionTypes::duration)
        .registerConverter(Instant.class, OptionTypes::instant)
        .registerConverter(Integer.class, OptionTypes::wholeNumber)
        .registerConverter(int.class, OptionTypes::wholeNumber)
        .registerConverter(Long.class, OptionTypes::longNumber)
        .registerConverter(long.class, OptionTypes::longNumber);
    return commandLine.execute(args);
  }

  /** Only without a command: that is bad usage, answered with the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}

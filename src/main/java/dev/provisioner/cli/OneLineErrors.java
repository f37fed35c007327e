package dev.provisioner.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns any failure of a command into one line on standard error and an exit code. */
final class OneLineErrors implements IExecutionExceptionHandler {

  /** How picocli begins some of its own messages; our line begins with "error: " already. */
  private static final String PICOCLI_PREFIX = "Error: ";

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("error: " + ErrorLines.describe(ex));
    return ErrorLines.isUsage(ex) ? ExitCodes.USAGE : ExitCodes.FAILURES;
  }

  static int onUsageError(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    String message = String.valueOf(ex.getMessage());
    if (message.startsWith(PICOCLI_PREFIX)) {
      message = message.substring(PICOCLI_PREFIX.length());
    }
    commandLine.getErr().println("error: " + unknownCommand(ex).orElse(message));
    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.USAGE;
  }

  /**
   * A word where a command was expected, said so with the commands there are: picocli's own line,
   * {@code Unmatched argument at index 0: 'sumbit'}, names neither.
   */
  private static Optional<String> unknownCommand(ParameterException ex) {
    CommandLine commandLine = ex.getCommandLine();
    if (!(ex instanceof UnmatchedArgumentException unmatched) || commandLine.getSubcommands().isEmpty()
        || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
      return Optional.empty();
    }
    return Optional.of("unknown command '" + unmatched.getUnmatched().get(0) + "': the commands are "
        + String.join(", ", commandLine.getSubcommands().keySet()));
  }
}

package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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
    commandLine.getErr().println("error: " + message);
    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.USAGE;
  }
}

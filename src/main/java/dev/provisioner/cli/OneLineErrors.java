package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns any failure of a command into one line on standard error and an exit code. */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("error: " + ErrorLines.describe(ex));
    return ErrorLines.isUsage(ex) ? ExitCodes.USAGE : ExitCodes.FAILURES;
  }

  static int onUsageError(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    commandLine.getErr().println("error: " + ex.getMessage());
    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.USAGE;
  }
}

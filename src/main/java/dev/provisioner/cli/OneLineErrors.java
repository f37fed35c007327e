package dev.provisioner.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns any failure of a command into one line on standard error and an exit code. */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = rootCause(ex);
    commandLine.getErr().println("error: " + describe(cause));
    return cause instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURES;
  }

  static int onUsageError(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    commandLine.getErr().println("error: " + ex.getMessage());
    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.USAGE;
  }

  static Throwable rootCause(Throwable ex) {
    Throwable cause = ex;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof UsageException) {
        break;
      }
      cause = cause.getCause();
    }
    return cause;
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}

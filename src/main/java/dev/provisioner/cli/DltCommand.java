package dev.provisioner.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dlt}: see and replay the records on the dead-letter topic. Without a subcommand, as
 * without a command, the usage goes to standard error with exit code 2.
 */
@Command(name = "dlt", mixinStandardHelpOptions = true,
    description = "Dead-letter tooling: list, show, replay.",
    subcommands = {DltListCommand.class, DltShowCommand.class, DltReplayCommand.class})
final class DltCommand implements Callable<Integer> {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Reads the dead-letter topic; one the broker does not have, or a partition it does not have,
   * was named by the user: bad usage or settings (exit 2), not failures the work found.
   */
  static <T> T named(Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

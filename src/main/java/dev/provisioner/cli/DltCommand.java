package dev.provisioner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dlt}: see and replay the records on the dead-letter topic. */
@Command(name = "dlt", mixinStandardHelpOptions = true,
    description = "Dead-letter tooling: list, show, replay.")
final class DltCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

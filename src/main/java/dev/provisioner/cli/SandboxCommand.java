package dev.provisioner.cli;

import dev.provisioner.sandbox.SandboxApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code sandbox}: the local Moment accounts API sandbox alone, until stopped. A port
 * out of range or in use is bad usage (exit 2), reported as the {@code broker} command does.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Run the local sandbox of the Moment accounts API.")
final class SandboxCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8090", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Unmatched
  private List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    int checked = PortOption.checked(port);
    Starting.orUsageError(() -> SandboxApplication.start(checked, springArgs));
    return ExitCodes.KEEP_RUNNING;
  }
}

package dev.provisioner.cli;

import dev.provisioner.broker.BrokerStartException;
import dev.provisioner.broker.LocalBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.logging.LogLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code broker}: a standalone single-node KRaft broker for development, until SIGTERM or Ctrl-C.
 *
 * <p>Prints one line when clients can connect. A taken port or a data directory in use by another
 * broker is bad usage (exit 2). A signal stops the broker cleanly through a shutdown hook; the JVM
 * then exits with 128 + the signal number (143 after SIGTERM, 130 after Ctrl-C).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run a single-node KRaft Kafka broker for development.",
        "Its data survives a restart."})
final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092",
      description = "Client port on localhost, 0 for a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--data-dir", defaultValue = "kafka-data",
      description = "Directory of the broker's data, created if missing (default: ./${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(names = "--verbose", description = "Show Kafka's own INFO logs, not only its warnings.")
  private boolean verbose;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PortOption.checked(port);
    KafkaLogging.configure(verbose ? LogLevel.INFO : LogLevel.WARN);
    LocalBroker broker = start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
    spec.commandLine().getOut().println("broker ready on " + broker.bootstrapServers()
        + " (data in " + broker.dataDir() + ")");
    spec.commandLine().getOut().flush();
    // Whether Kafka's threads keep the JVM alive is Kafka's detail: the command waits itself until
    // a signal runs the shutdown hook; the JVM then exits with 128 + the signal number.
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }

  private LocalBroker start() {
    try {
      return LocalBroker.start(port, dataDir);
    } catch (BrokerStartException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

package dev.provisioner.cli;

import dev.provisioner.broker.BrokerStartException;
import dev.provisioner.broker.LocalBroker;
import dev.provisioner.command.SafeText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

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

  private static final Pattern LOG_LEVEL = Pattern.compile("--logging\\.level\\.([^=]+)=(.*)");

  @Option(names = "--port", defaultValue = "9092",
      description = "Client port on localhost, 0 for a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--data-dir", defaultValue = "kafka-data",
      description = "Directory of the broker's data, created if missing (default: ./${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(names = "--verbose", description = "Show Kafka's own INFO logs, not only its warnings.")
  private boolean verbose;

  /** Spring Boot's {@code --logging.level.NAME=LEVEL}, as the other commands take it. */
  @Unmatched
  private List<String> settings = new ArrayList<>();

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PortOption.checked(port);
    Map<String, LogLevel> levels = logLevels();
    KafkaLogging.configure(verbose ? LogLevel.INFO : LogLevel.WARN);
    LoggingSystem logging = LoggingSystem.get(BrokerCommand.class.getClassLoader());
    levels.forEach(logging::setLogLevel);
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

  /** The {@code --logging.level.*} settings given; anything else is bad usage naming it. */
  private Map<String, LogLevel> logLevels() {
    Map<String, LogLevel> levels = new LinkedHashMap<>();
    for (String setting : settings) {
      Matcher level = LOG_LEVEL.matcher(setting);
      if (!level.matches()) {
        throw new UsageException("broker takes --port, --data-dir, --verbose and "
            + "--logging.level.NAME=LEVEL, but was given " + SafeText.oneLine(setting.split("=", 2)[0], 100));
      }
      try {
        levels.put(level.group(1), LogLevel.valueOf(level.group(2).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new UsageException("logging.level." + level.group(1) + " must be one of "
            + Arrays.toString(LogLevel.values()) + ", but was '" + SafeText.oneLine(level.group(2), 100) + "'");
      }
    }
    return levels;
  }

  private LocalBroker start() {
    try {
      return LocalBroker.start(port, dataDir);
    } catch (BrokerStartException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

package dev.provisioner.cli;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code dev}: everything on one machine: an in-process KRaft broker, the sandbox and the worker,
 * then a banner saying how to send a command. A given broker or API is used instead.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = {"Run the broker, the sandbox and the worker together on one machine.",
        // One element per line: picocli would wrap the URLs and settings inside their names.
        "Starts a KRaft broker in-process on localhost:9092, the sandbox on",
        "http://localhost:8090 and the worker (management on http://localhost:8081),",
        "creates the topics, then prints a banner saying how to send a command.",
        "Given --spring.kafka.bootstrap-servers=..., it uses that broker instead;",
        "given --provisioner.api.base-url=..., that API instead of the sandbox",
        "(or SPRING_KAFKA_BOOTSTRAP_SERVERS, PROVISIONER_API_BASE_URL in the environment).",
        "--server.port=... moves the worker's management port; other --name=value",
        "settings go to the worker as in the worker command."})
final class DevCommand implements Callable<Integer> {

  static final String DEV_KEY = "sk_test_dev_sandbox_key";
  static final String EXAMPLE_COMMAND = "{\"message_id\":\"m-1\",\"account\":{\"external_reference\":\"ACC-1\","
      + "\"name\":\"Demo\",\"currency\":\"ZAR\",\"customer\":{\"external_reference\":\"CUS-1\",\"name\":\"Ada\"}}}";
  private static final String BROKER = "--spring.kafka.bootstrap-servers=";
  private static final String API = "--provisioner.api.base-url=";
  private static final String SANDBOX_SETTING = "--sandbox.";
  /** The contexts leave stopping to {@link #stopAll()}, in order. */
  /**
   * The contexts are closed by this command's one hook, in order; Spring Boot's own hooks, the
   * logging system's among them, would run beside it, and the logging one stopped Logback before
   * the worker logged its stop ("worker stopping: ...").
   */
  private static final List<String> OWN_SHUTDOWN = List.of("--spring.main.register-shutdown-hook=false",
      "--logging.register-shutdown-hook=false");

  /** Environment variables and system properties, without the jar's own defaults. */
  private static final PropertyResolver OUTSIDE = new StandardEnvironment();

  @Spec
  private CommandSpec spec;

  @Option(names = "--broker-port", defaultValue = "9092", paramLabel = "PORT",
      description = "Port of the in-process broker (default: ${DEFAULT-VALUE}; 0: any free port).")
  private int brokerPort;

  @Option(names = "--sandbox-port", defaultValue = "8090", paramLabel = "PORT",
      description = "Port of the sandbox (default: ${DEFAULT-VALUE}; 0: any free port).")
  private int sandboxPort;

  @Unmatched
  private List<String> springArgs = new ArrayList<>();

  /** What runs here, stopped in reverse order of start by one shutdown hook. */
  private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();

  @Override
  public Integer call() {
    PortOption.checked("--broker-port", brokerPort);
    PortOption.checked("--sandbox-port", sandboxPort);
    KafkaLogging.configure(LogLevel.WARN);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "dev-stop"));
    List<String> args = new ArrayList<>(unlessGiven(KafkaLogging.warningsOnlyArgs()));
    args.addAll(OWN_SHUTDOWN);
    String broker = given(BROKER).orElseGet(() -> {
      LocalBroker local = starting("--broker-port", () -> LocalBroker.start(brokerPort, null));
      running.push(local);
      args.add(BROKER + local.bootstrapServers());
      return local.bootstrapServers() + " (in-process KRaft)";
    });
    String api = given(API).orElseGet(() -> {
      List<String> sandboxArgs = new ArrayList<>(KafkaLogging.warningsOnlyArgs());
      // One JVM, one log: the first context to name the application names every line, and the
      // sandbox's name on the worker's lines ("[sandbox] ... worker ready") misled readers.
      sandboxArgs.addAll(OWN_SHUTDOWN);
      sandboxArgs.addAll(List.of("--port=" + sandboxPort, "--logging.include-application-name=false"));
      // Its settings as the sandbox command takes them: left to the worker, they were ignored.
      springArgs.stream().filter(arg -> arg.startsWith(SANDBOX_SETTING)).forEach(sandboxArgs::add);
      Sandbox sandbox = starting("--sandbox-port", () -> Sandbox.start(sandboxArgs.toArray(String[]::new)));
      running.push(sandbox);
      args.add(API + sandbox.baseUrl());
      return sandbox.baseUrl() + " (sandbox)";
    });
    if (given("--provisioner.api.key=").isEmpty()) {
      args.add("--provisioner.api.key=" + DEV_KEY);
    }
    args.addAll(springArgs);
    // Spring Boot sets logging up once per JVM, and the sandbox's context came first: set up again,
    // the worker's own logging settings apply (e.g. --logging.structured.format.console=ecs).
    LoggingSystem.get(DevCommand.class.getClassLoader()).cleanUp();
    ConfigurableApplicationContext worker = Starting.orUsageError(() -> WorkerApplication.start(args));
    running.push(worker);
    banner(spec.commandLine().getOut(), broker, api, worker);
    return ExitCodes.KEEP_RUNNING;
  }

  /** Starts a part; a port in use is bad usage naming the option that picks another. */
  private static <T> T starting(String portOption, Supplier<T> start) {
    try {
      return Starting.orUsageError(start);
    } catch (UsageException e) {
      throw e.getMessage().endsWith(ErrorLines.IN_USE)
          ? new UsageException(e.getMessage() + " (" + portOption + " picks another)") : e;
    }
  }

  /**
   * The worker first (it finishes its batch and commits while the broker is still there), then
   * the sandbox, then the broker: with a hook each they stopped in any order, and the worker's
   * clients logged refused connections to a broker already gone.
   */
  private void stopAll() {
    AutoCloseable next;
    while ((next = running.poll()) != null) {
      try {
        next.close();
      } catch (Exception e) {
        spec.commandLine().getErr().println("error: stopping " + next + ": " + e.getMessage());
      }
    }
  }

  /** The defaults whose property the user did not give (a property given twice is a list). */
  private List<String> unlessGiven(List<String> defaults) {
    return defaults.stream()
        .filter(arg -> option(arg.substring(0, arg.indexOf('=') + 1)).isEmpty())
        .toList();
  }

  /**
   * A setting the user gave: on the command line, else as an environment variable
   * ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}) or system property, as the worker would read it.
   */
  private Optional<String> given(String prefix) {
    String property = prefix.substring(2, prefix.length() - 1);
    return option(prefix).or(() -> Optional.ofNullable(OUTSIDE.getProperty(property)));
  }

  private Optional<String> option(String prefix) {
    return springArgs.stream().filter(arg -> arg.startsWith(prefix))
        .map(arg -> arg.substring(prefix.length())).reduce((first, last) -> last);
  }

  private static void banner(PrintWriter out, String broker, String api, ConfigurableApplicationContext worker) {
    var env = worker.getEnvironment();
    String bootstrap = env.getProperty("spring.kafka.bootstrap-servers");
    String commands = env.getProperty("provisioner.topics.commands", "account-commands");
    String replies = env.getProperty("provisioner.topics.replies", "account-replies");
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8081"));
    out.println();
    out.println("account-provisioner dev is running");
    out.println("  broker   " + broker);
    out.println("  API      " + api);
    out.println("  worker   http://localhost:" + port + "/actuator/health");
    out.println();
    out.println("Send a command:");
    // murmur2_random: the Java clients' partitioner, so a key lands where submit and replay put it.
    out.println("  echo '" + EXAMPLE_COMMAND + "' | kcat -P -b " + bootstrap + " -t " + commands
        + " -k ACC-1 -X partitioner=murmur2_random");
    out.println("Read the reply:");
    out.println("  kcat -C -b " + bootstrap + " -t " + replies + " -o beginning -e -q -X isolation.level=read_committed");
    out.println();
    out.println("Ctrl-C stops everything.");
    out.flush();
  }
}

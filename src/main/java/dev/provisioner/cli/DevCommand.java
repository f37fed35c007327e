package dev.provisioner.cli;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.worker.WorkerApplication;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code dev}: everything on one machine: an in-process KRaft broker, the sandbox and the worker,
 * then a banner saying how to send a command. A given broker or API is used instead.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = {"Run everything on one machine: an in-process broker on localhost:9092, the",
        "sandbox on http://localhost:8090 and the worker (management on http://localhost:8081).",
        "--spring.kafka.bootstrap-servers=... uses that broker; --provisioner.api.base-url=...",
        "uses that API instead of the sandbox."})
final class DevCommand implements Callable<Integer> {

  static final String DEV_KEY = "sk_test_dev_sandbox_key";
  static final String EXAMPLE_COMMAND = "{\"message_id\":\"m-1\",\"account\":{\"external_reference\":\"ACC-1\","
      + "\"name\":\"Demo\",\"currency\":\"ZAR\",\"customer\":{\"external_reference\":\"CUS-1\",\"name\":\"Ada\"}}}";
  private static final String BROKER = "--spring.kafka.bootstrap-servers=";
  private static final String API = "--provisioner.api.base-url=";

  @Spec
  private CommandSpec spec;

  @Unmatched
  private List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    String broker = option(BROKER).orElseGet(() -> {
      LocalBroker local = Starting.orUsageError(() -> LocalBroker.start(9092, null));
      Runtime.getRuntime().addShutdownHook(new Thread(local::close, "dev-broker-stop"));
      args.add(BROKER + local.bootstrapServers());
      return local.bootstrapServers() + " (in-process KRaft)";
    });
    String api = option(API).orElseGet(() -> {
      Sandbox sandbox = Starting.orUsageError(() -> Sandbox.start("--port=8090"));
      args.add(API + sandbox.baseUrl());
      return sandbox.baseUrl() + " (sandbox)";
    });
    if (option("--provisioner.api.key=").isEmpty() && System.getenv("PROVISIONER_API_KEY") == null) {
      args.add("--provisioner.api.key=" + DEV_KEY);
    }
    args.addAll(springArgs);
    ConfigurableApplicationContext worker = Starting.orUsageError(() -> WorkerApplication.start(args));
    banner(spec.commandLine().getOut(), broker, api, worker);
    return ExitCodes.KEEP_RUNNING;
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
    out.println("  echo '" + EXAMPLE_COMMAND + "' | kcat -P -b " + bootstrap + " -t " + commands + " -k ACC-1");
    out.println("Read the reply:");
    out.println("  kcat -C -b " + bootstrap + " -t " + replies + " -o beginning -e -q -X isolation.level=read_committed");
    out.println();
    out.println("Ctrl-C stops everything.");
    out.flush();
  }
}

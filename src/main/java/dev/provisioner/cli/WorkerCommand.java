package dev.provisioner.cli;

import dev.provisioner.worker.WorkerApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code worker}: the production worker; never starts anything embedded. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Run the production worker against a Kafka broker and the Moment API.",
        "Needs --provisioner.api.base-url (the Moment API),",
        "--provisioner.api.key (or env PROVISIONER_API_KEY) and",
        "--spring.kafka.bootstrap-servers (default localhost:9092)."})
final class WorkerCommand implements Callable<Integer> {

  @Unmatched
  private List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    Starting.orUsageError(() -> WorkerApplication.start(springArgs));
    return ExitCodes.KEEP_RUNNING;
  }
}

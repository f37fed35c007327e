package dev.provisioner.bench;

import dev.provisioner.worker.WorkerApplication;
import java.util.List;

/** A running consumer of the command topic that publishes replies; closing stops it. */
interface SystemUnderTest extends AutoCloseable {

  @Override
  void close();

  /** Starts the Kafka mode of {@code spec}; raw-http has nothing to start. */
  static SystemUnderTest start(SutSpec spec) {
    switch (spec.mode()) {
      case WORKER:
        var context = WorkerApplication.start(workerArgs(spec));
        return context::close;
      case WORKER_NO_API:
        var withoutApi = WorkerApplication.start(workerArgs(spec), InstantAccountsApi::register);
        return withoutApi::close;
      case CLASSIC_LISTENER:
        return ClassicListener.start(spec);
      case PARALLEL_CONSUMER:
        return ParallelConsumerPeer.start(spec);
      default:
        return () -> { };
    }
  }

  private static List<String> workerArgs(SutSpec spec) {
    return List.of(
        "--spring.kafka.bootstrap-servers=" + spec.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + spec.topicPrefix(),
        "--server.port=0",
        "--management.server.port=0",
        "--logging.level.root=WARN",
        "--provisioner.api.base-url=" + spec.apiUrl(),
        "--provisioner.api.key=" + SutSpec.API_KEY,
        "--provisioner.topics.commands=" + spec.commandsTopic(),
        "--provisioner.topics.replies=" + spec.repliesTopic(),
        "--provisioner.topics.dead-letters=" + spec.deadLettersTopic(),
        "--provisioner.topics.partitions=" + spec.partitions(),
        "--provisioner.worker.in-flight=" + spec.inFlight());
  }
}

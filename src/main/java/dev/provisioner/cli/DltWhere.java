package dev.provisioner.cli;

import dev.provisioner.runtime.BrokerCheck;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.tooling.ClientLogs;
import dev.provisioner.tooling.KafkaClients;
import dev.provisioner.tooling.dlt.DltSettings;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The broker and the dead-letter topic, shared by every subcommand; with the subcommand's other
 * {@code --spring.kafka.*} arguments (security, any client property), the Kafka settings.
 */
final class DltWhere {
  @Option(names = {"--bootstrap-servers", "--spring.kafka.bootstrap-servers"},
      defaultValue = "localhost:9092", description = "the broker (default ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(names = {"--dlt-topic", "--provisioner.topics.dead-letters"},
      defaultValue = "account-commands-dlt",
      description = "the dead-letter topic (default ${DEFAULT-VALUE})")
  String topic;

  /**
   * The settings, once the broker answered.
   *
   * @param springArgs the subcommand's other arguments: picocli gives a mixin none
   */
  DltSettings settings(List<String> springArgs) {
    ClientLogs.quiet();
    KafkaClients kafka = KafkaOptions.of(bootstrapServers, springArgs);
    try {
      BrokerCheck.requireReachable("--bootstrap-servers", kafka.admin(Map.of()));
    } catch (BrokerUnreachableException e) {
      // a setting to fix, named as the user typed it, as submit and the worker say
      throw new UsageException(e.getMessage());
    }
    return new DltSettings(kafka, topic);
  }
}

package dev.provisioner.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server properties of a single-node KRaft broker that is its own controller.
 *
 * <p>Every replication factor and minimum ISR is 1, so that consumer groups and transactions work
 * with one node; the internal topics have few partitions, so that the first group or
 * transactional producer does not wait for fifty partitions to be created; a short broker session
 * makes a restart after {@code kill -9} quick.
 */
final class KraftSettings {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String CLIENT_LISTENER = "PLAINTEXT";

  private KraftSettings() {
  }

  static Properties of(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + Ports.HOST + ":" + controllerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put("listeners", CLIENT_LISTENER + "://" + Ports.HOST + ":" + port + ","
        + CONTROLLER_LISTENER + "://" + Ports.HOST + ":" + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://" + Ports.HOST + ":" + port);
    props.put("listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", dataDir.toAbsolutePath().toString());
    props.putAll(singleNode());
    props.putAll(overrides);
    return props;
  }

  private static Map<String, String> singleNode() {
    return Map.ofEntries(
        Map.entry("default.replication.factor", "1"),
        Map.entry("min.insync.replicas", "1"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "5"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "5"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // after a kill -9 the restarted controller keeps the old registration until its session
        // expires, and the broker waits for that: 9 s by default
        Map.entry("broker.session.timeout.ms", "2000"),
        Map.entry("broker.heartbeat.interval.ms", "500"),
        Map.entry("num.partitions", "1"));
  }
}

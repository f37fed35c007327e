package dev.provisioner.worker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * What the broker says of an existing topic that a reply might be written to, asked with the
 * worker's own permissions and without creating it.
 *
 * @param writable the worker's ACLs allow it to write there (true when the broker does not say)
 * @param maxMessageBytes the topic's {@code max.message.bytes}; unlimited when its settings may not be read
 * @param compacted its {@code cleanup.policy} compacts, so it takes no record without a key
 * @param minInSyncReplicas its {@code min.insync.replicas}; 1 when its settings may not be read
 * @param fewestReplicas the fewest replicas any of its partitions has
 */
record TopicFacts(boolean writable, long maxMessageBytes, boolean compacted, int minInSyncReplicas,
    int fewestReplicas) {

  /**
   * Asks the broker; null when the topic does not exist or the worker may not describe it. A
   * broker that does not answer within {@code timeout} fails the batch (rolled back and
   * redelivered like any broker outage) rather than sending the reply elsewhere.
   */
  static @Nullable TopicFacts ask(Admin admin, String topic, Duration timeout) {
    TopicDescription description = describe(admin, topic, timeout);
    if (description == null) {
      return null;
    }
    Set<AclOperation> allowed = description.authorizedOperations();
    boolean writable = allowed == null || allowed.contains(AclOperation.WRITE) || allowed.contains(AclOperation.ALL);
    int fewestReplicas = description.partitions().stream().mapToInt(partition -> partition.replicas().size())
        .min().orElse(Integer.MAX_VALUE);
    Config config = settings(admin, topic, timeout);
    return new TopicFacts(writable, number(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.MAX_VALUE),
        text(config, TopicConfig.CLEANUP_POLICY_CONFIG).contains(TopicConfig.CLEANUP_POLICY_COMPACT),
        (int) number(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, 1), fewestReplicas);
  }

  private static @Nullable TopicDescription describe(Admin admin, String topic, Duration timeout) {
    try {
      return admin.describeTopics(Set.of(topic), new DescribeTopicsOptions().includeAuthorizedOperations(true))
          .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
    } catch (ExecutionException ex) {
      Throwable cause = ex.getCause();
      if (cause instanceof UnknownTopicOrPartitionException || cause instanceof AuthorizationException) {
        return null;
      }
      throw failed(topic, timeout, ex);
    } catch (TimeoutException | InterruptedException ex) {
      throw failed(topic, timeout, ex);
    }
  }

  /** The topic's settings; null when the worker may not read them. */
  private static @Nullable Config settings(Admin admin, String topic, Duration timeout) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      return admin.describeConfigs(Set.of(resource)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .get(resource);
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof AuthorizationException) {
        return null;
      }
      throw failed(topic, timeout, ex);
    } catch (TimeoutException | InterruptedException ex) {
      throw failed(topic, timeout, ex);
    }
  }

  private static String text(@Nullable Config config, String name) {
    ConfigEntry entry = config == null ? null : config.get(name);
    return entry == null || entry.value() == null ? "" : entry.value();
  }

  private static long number(@Nullable Config config, String name, long otherwise) {
    String value = text(config, name);
    return value.isEmpty() ? otherwise : Long.parseLong(value);
  }

  private static IllegalStateException failed(String topic, Duration timeout, Exception ex) {
    if (ex instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = ex instanceof ExecutionException ? ex.getCause() : ex;
    return new IllegalStateException("could not look up reply topic " + topic + " within " + timeout
        + ": " + cause, ex);
  }
}

package dev.provisioner.worker;

import dev.provisioner.runtime.BrokerCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the worker's topics that are missing, with the configured partitions and replication.
 * Topics that exist are left alone: adding partitions to a live topic would move keys to other
 * partitions and break per-key order (which spring-kafka's {@code NewTopic} beans would do).
 *
 * <p>Partitions or a replication factor the broker refuses stop the start naming both settings
 * and the broker's reason (exit 2): the worker cannot work without its topics.
 *
 * <p>A broker that does not answer at start within {@link BrokerCheck#TIMEOUT} stops the start,
 * naming {@code spring.kafka.bootstrap-servers} and the address (exit 2, as {@code submit} does):
 * left to the admin client, the worker said nothing for a minute and then ran without its topics
 * checked. An orchestrator restarts the worker; a broker lost once the worker runs is retried.
 */
final class TopicCreator implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
  private static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
  /**
   * The broker's answers that say the settings are wrong (more replicas than brokers, more
   * partitions than it allows): the worker would run without its topics, waiting for nothing.
   */
  private static final List<Class<? extends Exception>> REFUSED_SETTINGS = List.of(
      InvalidReplicationFactorException.class, InvalidPartitionsException.class, PolicyViolationException.class);

  private final KafkaAdmin kafkaAdmin;
  private final WorkerSettings.Topics topics;

  TopicCreator(KafkaAdmin kafkaAdmin, WorkerSettings.Topics topics) {
    this.kafkaAdmin = kafkaAdmin;
    this.topics = topics;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> wanted = List.of(topics.commands(), topics.replies(), topics.deadLetters());
    BrokerCheck.requireReachable(BOOTSTRAP_SERVERS, kafkaAdmin.getConfigurationProperties());
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = wanted.stream().filter(name -> !existing.contains(name))
          .map(name -> new NewTopic(name, topics.partitions(), topics.replication())).toList();
      if (!missing.isEmpty()) {
        create(admin, missing);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", ex);
    } catch (ExecutionException | TimeoutException ex) {
      // Not fatal: the broker answered above; the consumers keep trying and the kafka health
      // component says why.
      log.warn("could not check or create topics {} at {}={}: {}", wanted, BOOTSTRAP_SERVERS,
          kafkaAdmin.getConfigurationProperties().get("bootstrap.servers"), ex.getMessage());
    }
  }

  private void create(Admin admin, List<NewTopic> missing) throws InterruptedException,
      ExecutionException, TimeoutException {
    Map<String, org.apache.kafka.common.KafkaFuture<Void>> results = admin.createTopics(missing).values();
    for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result : results.entrySet()) {
      try {
        result.getValue().get(30, TimeUnit.SECONDS);
        log.info("created topic {}", result.getKey());
      } catch (ExecutionException ex) {
        // Without the cause: the line said at start is the deepest cause's, and Kafka's names no setting.
        if (REFUSED_SETTINGS.stream().anyMatch(refused -> refused.isInstance(ex.getCause()))) {
          throw new IllegalArgumentException("the broker refused to create topic " + result.getKey()
              + " with provisioner.topics.partitions=" + topics.partitions() + " and provisioner.topics."
              + "replication=" + topics.replication() + ": " + ex.getCause().getMessage());
        }
        if (!(ex.getCause() instanceof TopicExistsException)) {
          throw ex;
        }
      }
    }
  }
}

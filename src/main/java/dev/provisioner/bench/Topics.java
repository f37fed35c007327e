package dev.provisioner.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a run's fresh topics, and deletes them and its consumer groups from a given broker. */
final class Topics {

  private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

  private Topics() {
  }

  static void create(String bootstrapServers, int partitions, String... names) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers))) {
      admin.createTopics(Arrays.stream(names).map(name -> new NewTopic(name, partitions,
          (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + Arrays.toString(names), e);
    }
  }

  /**
   * Deletes a finished run's topics, then its consumer groups (all their consumers are closed by
   * then). A failure is a warning, not the run's: its figures stand.
   */
  static void delete(String bootstrapServers, List<String> topics, List<String> groups) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers))) {
      admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
      admin.deleteConsumerGroups(groups).all().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not delete the run's topics {} and consumer groups {} from {}: {}", topics,
          groups, bootstrapServers, String.valueOf(e.getCause() == null ? e : e.getCause()));
    }
  }
}

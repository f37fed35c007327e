package dev.provisioner.tooling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks the broker whether a topic a tool is about to write to exists. A broker that creates topics
 * on first use (the default, and `dev`'s) would otherwise create a misspelled one, take the
 * records, and leave them where no worker reads them: the tool then waited its whole timeout for
 * replies that could not come.
 */
public final class TopicCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private TopicCheck() {
  }

  /**
   * Returns when the topic exists, or when the broker cannot tell (the answer is left to the
   * client that writes, e.g. an authorization error); throws when the broker says it does not.
   *
   * @param what how the message names it, e.g. {@code "the commands topic"}
   * @param hint what the user can do, appended to the message
   * @throws MissingTopicException when the broker answers that the topic does not exist
   */
  public static void requireExists(KafkaClients kafka, String topic, String what, String hint) {
    try (Admin admin = Admin.create(kafka.admin(Map.of()))) {
      admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new MissingTopicException(what + " " + topic + " does not exist, so nothing was sent (" + hint + ")");
      }
    } catch (TimeoutException e) {
      // the broker answered the reachability check; the producer reports a broker gone since
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the broker for topic " + topic, e);
    }
  }
}

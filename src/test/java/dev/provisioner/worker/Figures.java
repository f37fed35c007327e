package dev.provisioner.worker;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fault-injection run ended with: commands sent, accounts the sandbox holds (and how many
 * distinct external references they have), replies by status, duplicate replies (replies beyond
 * the first for one message ID) and dead letters.
 */
record Figures(String run, int sent, long accounts, long distinctReferences,
    Map<String, Integer> repliesByStatus, int answeredCommands, int duplicateReplies, int deadLetters) {

  private static final Logger log = LoggerFactory.getLogger(Figures.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Figures from the values of replies and dead letters, and the sandbox's account list. */
  static Figures of(String run, int sent, List<byte[]> replies, int deadLetters, JsonNode accounts) {
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> perMessage = new HashMap<>();
    for (byte[] value : replies) {
      JsonNode reply = JSON.readTree(value);
      byStatus.merge(reply.path("status").asString(), 1, Integer::sum);
      perMessage.merge(reply.path("message_id").asString(), 1, Integer::sum);
      if (!"created".equals(reply.path("status").asString())) {
        log.info("{} reply: {}", run, reply);
      }
    }
    int duplicates = perMessage.values().stream().mapToInt(count -> count - 1).sum();
    Set<String> references = new HashSet<>();
    accounts.forEach(account -> references.add(account.path("external_reference").asString()));
    Figures figures = new Figures(run, sent, accounts.size(), references.size(), byStatus,
        perMessage.size(), duplicates, deadLetters);
    log.info("FIGURES {}", figures);
    return figures;
  }

  /** Figures of a run of the in-process fixture. */
  static Figures of(String run, int sent, WorkerFixture fixture) {
    List<byte[]> replies = fixture.allReplies().stream().map(ConsumerRecord::value).toList();
    return of(run, sent, replies, fixture.allDeadLetters().size(),
        fixture.sandboxJson("/_sandbox/accounts"));
  }

  int replies(String status) {
    return repliesByStatus.getOrDefault(status, 0);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

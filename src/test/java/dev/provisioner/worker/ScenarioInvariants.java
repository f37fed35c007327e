package dev.provisioner.worker;

import static dev.provisioner.worker.WorkerFixture.header;

import dev.provisioner.command.MessageHeaders;
import dev.provisioner.worker.ScenarioRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after a {@link Scenario} ran and its faults stopped, checked on what read_committed
 * readers of the reply and dead-letter topics saw and on the sandbox's accounts. Each check adds
 * the violations it finds, in words, so that one failure names them all.
 *
 * @param scenario what was sent
 * @param before the scenario's replies once every record was answered, in topic order
 * @param after its replies once the failed commands were replayed from their dead letters
 * @param deadLetters every dead letter of the topic
 * @param accounts the sandbox's accounts of the scenario's references, by reference
 */
record ScenarioInvariants(Scenario scenario, List<ConsumerRecord<byte[], byte[]>> before,
    List<ConsumerRecord<byte[], byte[]>> after, List<ConsumerRecord<byte[], byte[]>> deadLetters,
    Map<String, List<JsonNode>> accounts) {

  private static final Set<String> TERMINAL = Set.of("created", "rejected", "failed");

  List<String> violations() {
    List<String> violations = new ArrayList<>();
    groups().forEach((group, records) -> checkGroup(group, records, violations));
    checkKeyOrder(violations);
    checkAccounts(violations);
    checkInvalidRecords(violations);
    checkNoApiKey(violations);
    return violations;
  }

  /** A message ID sent on one key: the records of a group have the same value (producer retries). */
  private Map<String, List<ScenarioRecord>> groups() {
    return scenario.records().stream().filter(record -> record.messageId() != null)
        .collect(Collectors.groupingBy(record -> group(record.messageId(), record.key()), LinkedHashMap::new,
            Collectors.toList()));
  }

  private void checkGroup(String group, List<ScenarioRecord> records, List<String> violations) {
    List<JsonNode> first = values(before, group);
    List<JsonNode> all = values(after, group);
    long failed = first.stream().filter(reply -> "failed".equals(status(reply))).count();
    if (first.size() != records.size()) {
      violations.add(group + ": " + records.size() + " records got " + first.size() + " replies " + first);
    }
    if (all.size() != first.size() + failed) {
      violations.add(group + ": " + failed + " failed replies replayed gave " + (all.size() - first.size())
          + " more replies " + all);
    }
    all.subList(Math.min(first.size(), all.size()), all.size()).stream().filter(reply -> "failed".equals(status(reply)))
        .forEach(reply -> violations.add(group + ": replayed without faults and failed again " + reply));
    long dead = deadLetters.stream().filter(record -> group.equals(group(header(record, MessageHeaders.MESSAGE_ID),
        key(record)))).count();
    long expectedDead = records.get(0).kind().valid ? failed : records.size();
    if (dead != expectedDead) {
      violations.add(group + ": " + dead + " dead letters, expected " + expectedDead + " (replies " + first + ")");
    }
    all.forEach(reply -> checkReply(records.get(0), reply, violations));
  }

  /** A reply is terminal, and a valid command's is created exactly when its account exists as asked. */
  private void checkReply(ScenarioRecord record, JsonNode reply, List<String> violations) {
    String status = status(reply);
    if (!TERMINAL.contains(status)) {
      violations.add(record + ": not a terminal status " + reply);
    }
    if (!record.kind().valid || "failed".equals(status)) {
      if (!record.kind().valid && !"rejected".equals(status)) {
        violations.add(record + ": an invalid command answered " + reply);
      }
      return;
    }
    JsonNode account = accounts.getOrDefault(record.reference(), List.of()).stream().findFirst().orElse(null);
    JsonNode asked = WorkerFixture.JSON.readTree(record.value()).path("account");
    boolean asAsked = account != null && Reconciler.firstDifference(asked, account) == null;
    if (asAsked != "created".equals(status)) {
      violations.add(record + ": answered " + status + " while the sandbox holds " + account + "; reply " + reply);
    }
    if ("created".equals(status) && account != null
        && !account.path("id").equals(reply.path("account").path("id"))) {
      violations.add(record + ": created reply names another account than the sandbox's " + account.path("id")
          + "; reply " + reply);
    }
  }

  /** The replies of each key come in the order of its commands. */
  private void checkKeyOrder(List<String> violations) {
    Map<String, List<String>> sent = scenario.records().stream().filter(record -> record.messageId() != null)
        .collect(Collectors.groupingBy(ScenarioRecord::key, Collectors.mapping(ScenarioRecord::messageId,
            Collectors.toList())));
    Map<String, List<String>> replied = before.stream().collect(Collectors.groupingBy(ScenarioInvariants::key,
        Collectors.mapping(record -> header(record, MessageHeaders.MESSAGE_ID), Collectors.toList())));
    sent.forEach((key, ids) -> {
      if (!ids.equals(replied.getOrDefault(key, List.of()))) {
        violations.add("key " + key + ": commands " + ids + " but replies " + replied.get(key));
      }
    });
  }

  /**
   * At most one account per reference and per message ID; a FRESH command's or a chain's first
   * account exists unless a REUSED_ID record took its message ID; no invalid record's.
   */
  private void checkAccounts(List<String> violations) {
    accounts.forEach((reference, held) -> {
      if (held.size() > 1) {
        violations.add("reference " + reference + " has " + held.size() + " accounts " + held);
      }
    });
    Map<String, Set<String>> referencesById = scenario.records().stream()
        .filter(record -> record.kind().valid)
        .collect(Collectors.groupingBy(ScenarioRecord::messageId,
            Collectors.mapping(ScenarioRecord::reference, Collectors.toSet())));
    referencesById.forEach((id, references) -> {
      List<String> held = references.stream().filter(accounts::containsKey).toList();
      if (held.size() > 1) {
        violations.add("message ID " + id + " has accounts for references " + held);
      }
    });
    Set<String> reused = scenario.records().stream().filter(record -> record.kind() == Kind.REUSED_ID)
        .map(ScenarioRecord::messageId).collect(Collectors.toSet());
    scenario.records().stream()
        .filter(record -> record.kind() == Kind.FRESH || record.kind() == Kind.CHAIN_CUSTOMER)
        .filter(record -> !reused.contains(record.messageId()) && !accounts.containsKey(record.reference()))
        .forEach(record -> violations.add(record + ": no account after the faults stopped"));
  }

  /** Each invalid record dead-lettered once with its reason, and never sent to the API. */
  private void checkInvalidRecords(List<String> violations) {
    for (ScenarioRecord record : scenario.records()) {
      if (record.kind().valid) {
        continue;
      }
      String reason = record.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      List<String> reasons = deadLetters.stream()
          .filter(dead -> new String(dead.value(), StandardCharsets.UTF_8).equals(record.value()))
          .map(dead -> header(dead, "kafka_dlt-exception-message")).toList();
      if (reasons.size() != 1 || !Objects.requireNonNullElse(reasons.get(0), "").startsWith(reason)) {
        violations.add(record + ": dead letters with reasons " + reasons + ", expected one with " + reason);
      }
      if (accounts.containsKey(record.reference())) {
        violations.add(record + ": an invalid record has an account " + accounts.get(record.reference()));
      }
    }
  }

  private void checkNoApiKey(List<String> violations) {
    List<ConsumerRecord<byte[], byte[]>> published = new ArrayList<>(after);
    published.addAll(deadLetters);
    for (ConsumerRecord<byte[], byte[]> record : published) {
      StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
      for (Header header : record.headers()) {
        text.append(header.key()).append(header.value() == null ? "" : new String(header.value(),
            StandardCharsets.UTF_8));
      }
      if (text.toString().contains(WorkerFixture.API_KEY)) {
        violations.add(record.topic() + " offset " + record.offset() + " holds the API key");
      }
    }
  }

  private static List<JsonNode> values(List<ConsumerRecord<byte[], byte[]>> replies, String group) {
    return replies.stream().filter(record -> group.equals(group(header(record, MessageHeaders.MESSAGE_ID),
        key(record)))).map(WorkerFixture::value).toList();
  }

  private static String status(JsonNode reply) {
    return reply.path("status").asString();
  }

  private static String group(String messageId, String key) {
    return messageId + " on " + key;
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
  }
}

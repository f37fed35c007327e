package dev.provisioner.bench;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import dev.provisioner.accounts.VertxAccountsApi;
import dev.provisioner.command.IdempotencyKeys;
import dev.provisioner.command.Reply;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the peers do with one command, as a team would write it: parse the JSON, call the same
 * Vert.x client as the worker and wait for it, and build the reply record (same reply JSON as the
 * worker, {@code message-id} header, the command's key).
 */
final class PeerHandler implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final VertxAccountsApi api;
  private final String repliesTopic;

  PeerHandler(SutSpec spec) {
    this.api = new VertxAccountsApi(BenchCommands.apiSettings(spec), JSON);
    this.repliesTopic = spec.repliesTopic();
  }

  /** Calls the API for the command and returns its reply record; blocks until the API answers. */
  ProducerRecord<String, String> handle(String key, String value) {
    JsonNode command = JSON.readTree(value);
    String messageId = command.path("message_id").asString();
    String idempotencyKey = IdempotencyKeys.forCreate(messageId, 0);
    ApiOutcome outcome = api.create(command.path("account"), idempotencyKey).join();
    Reply reply = reply(messageId, idempotencyKey, outcome);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(repliesTopic, key, JSON.writeValueAsString(reply));
    record.headers().add("message-id", messageId.getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static Reply reply(String messageId, String idempotencyKey, ApiOutcome outcome) {
    if (outcome instanceof ApiOutcome.Created created) {
      return Reply.created(messageId, idempotencyKey, created.account(), created.replayed(), 1);
    }
    if (outcome instanceof ApiOutcome.Rejected rejected) {
      return Reply.rejected(messageId, idempotencyKey, rejected.problem(), rejected.replayed(), 1);
    }
    Problem problem = new Problem(Problem.TYPE_BASE + "bench", "Not created", 500,
        outcome.toString(), null);
    return Reply.failed(messageId, idempotencyKey, problem, false, 1);
  }

  @Override
  public void close() {
    api.close();
  }
}

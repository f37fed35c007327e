package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import dev.provisioner.testing.Kcat;
import dev.provisioner.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The core pipeline against a real broker and the real sandbox: commands in, replies out. */
class WorkerPipelineTest {

  private static WorkerFixture fixture;

  @BeforeAll
  static void startWorker() {
    fixture = new WorkerFixture();
  }

  @AfterAll
  static void stopWorker() {
    fixture.close();
  }

  @Test
  void aCommandGetsACreatedReplyCarryingTheAccount() {
    String id = unique("msg");
    String reference = unique("ref");

    fixture.send("key-1", WorkerFixture.command(id, reference));

    JsonNode reply = fixture.awaitReply(id);
    assertThat(reply.path("status").asString()).isEqualTo("created");
    assertThat(reply.path("account").path("id").asString()).startsWith("bacc_");
    assertThat(reply.path("account").path("external_reference").asString()).isEqualTo(reference);
    assertThat(reply.path("idempotency_key").asString()).startsWith("acct-create-");
    assertThat(reply.path("replayed").asBoolean()).isFalse();
    assertThat(reply.path("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void theSameCommandTwiceGivesOneAccountAndTwoCreatedRepliesTheSecondReplayed() {
    String id = unique("msg");
    String reference = unique("ref");
    String command = WorkerFixture.command(id, reference);

    fixture.send("key-2", command);
    fixture.send("key-2", command);

    List<ConsumerRecord<byte[], byte[]>> replies = fixture.awaitReplies(id, 2);
    JsonNode first = WorkerFixture.value(replies.get(0));
    JsonNode second = WorkerFixture.value(replies.get(1));
    assertThat(first.path("status").asString()).isEqualTo("created");
    assertThat(second.path("status").asString()).isEqualTo("created");
    assertThat(second.path("account").path("id")).isEqualTo(first.path("account").path("id"));
    assertThat(first.path("replayed").asBoolean()).isFalse();
    assertThat(second.path("replayed").asBoolean()).isTrue();
    JsonNode accounts = fixture.sandboxJson("/_sandbox/accounts");
    assertThat(accounts.findValuesAsString("external_reference")).containsOnlyOnce(reference);
  }

  @Test
  void anAccountCreatedUnderAnotherMessageIdIsFoundByReconciliationAndNotCalledReplayed() {
    // Given: an account created by one command
    String reference = unique("ref");
    String first = unique("msg");
    fixture.send("key-rec", WorkerFixture.command(first, reference));
    JsonNode created = fixture.awaitReply(first);

    // When: another command (another message ID, so another idempotency key) asks for the same account
    String second = unique("msg");
    fixture.send("key-rec", WorkerFixture.command(second, reference));

    // Then: the API's conflict leads to the account by its reference: created, reconciled, not replayed
    JsonNode reply = fixture.awaitReply(second);
    assertThat(reply.path("status").asString()).as(reply.toString()).isEqualTo("created");
    assertThat(reply.path("account").path("id")).isEqualTo(created.path("account").path("id"));
    assertThat(reply.path("reconciled").asBoolean()).as(reply.toString()).isTrue();
    assertThat(reply.path("replayed").asBoolean()).as("the API did not answer from its idempotency store")
        .isFalse();
    assertThat(created.path("reconciled").asBoolean()).isFalse();
    assertThat(reply.path("attempts").asInt()).as("the create and one look-up").isEqualTo(2);
  }

  @ParameterizedTest(name = "409 type: {0}")
  @ValueSource(strings = {"the sandbox's", "conflict"})
  void aNewCustomerWhoseReferenceIsTakenGetsARejectedReplyNotAFailedOneAfterRetries(String conflictType) {
    // Given: a first account created a customer with this reference, and 409s typed the
    // sandbox's way or with a name the worker does not know (Moment documents none)
    String customer = unique("cus");
    String first = unique("msg");
    fixture.send("key-cus", WorkerFixture.command(first, unique("ref"), customer));
    assertThat(fixture.awaitReply(first).path("status").asString()).isEqualTo("created");
    String type = conflictType.equals("conflict") ? conflictType : "";
    fixture.sandboxAdmin("PATCH", "/_sandbox/faults", "{\"conflict_type\": \"" + type + "\"}");

    try {
      // When: another account asks to create a new customer with the same reference
      String second = unique("msg");
      fixture.send("key-cus", WorkerFixture.command(second, unique("ref"), customer));

      // Then
      JsonNode reply = fixture.awaitReply(second);
      assertThat(reply.path("status").asString()).as(reply.toString()).isEqualTo("rejected");
      assertThat(reply.path("error").path("status").asInt()).isEqualTo(409);
      assertThat(reply.path("error").path("detail").asString()).contains(customer);
      assertThat(reply.path("attempts").asInt())
          .as("the create, a look-up, the create again (the API replays its 409), a look-up").isEqualTo(4);
      assertThat(fixture.allDeadLetters()).noneMatch(letter -> second.equals(WorkerFixture.header(letter, "message-id")));
    } finally {
      fixture.sandboxAdmin("PATCH", "/_sandbox/faults", "{\"conflict_type\": \"\"}");
    }
  }

  @Test
  void aSchemaInvalidCommandGetsARejectedReplyNamingTheField() {
    String id = unique("msg");
    String command = """
        {"message_id": "%s", "account": {"external_reference": "%s", "currency": "rand"}}"""
        .formatted(id, unique("ref"));

    fixture.send("key-3", command);

    JsonNode reply = fixture.awaitReply(id);
    assertThat(reply.path("status").asString()).isEqualTo("rejected");
    assertThat(reply.path("error").path("status").asInt()).isEqualTo(400);
    assertThat(reply.path("error").path("detail").asString()).contains("account.currency");
  }

  @Test
  void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextCommandIsStillProcessed() {
    String marker = unique("not-json");
    String next = unique("msg");

    fixture.send("key-4", "this is not json " + marker);
    fixture.send("key-4", WorkerFixture.command(next, unique("ref")));

    ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(
        record -> new String(record.value()).contains(marker), 1).get(0);
    assertThat(WorkerFixture.header(dead, "kafka_dlt-original-topic")).isEqualTo(fixture.commands);
    assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-fqcn")).endsWith("CommandRejectedException");
    assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-message")).startsWith("not-json");
    assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    assertThat(fixture.awaitReply(next).path("status").asString()).isEqualTo("created");
  }

  @Test
  void aRecordWithoutMessageIdGoesToTheDeadLetterTopicAndTheNextCommandIsStillProcessed() {
    String reference = unique("ref");
    String next = unique("msg");

    fixture.send("key-5", """
        {"account": {"external_reference": "%s"}}""".formatted(reference));
    fixture.send("key-5", WorkerFixture.command(next, unique("ref")));

    ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(
        record -> new String(record.value()).contains(reference), 1).get(0);
    assertThat(WorkerFixture.header(dead, "kafka_dlt-exception-message")).startsWith("no-message-id");
    assertThat(WorkerFixture.header(dead, "kafka_dlt-original-topic")).isEqualTo(fixture.commands);
    assertThat(fixture.awaitReply(next).path("status").asString()).isEqualTo("created");
  }

  @Test
  void aDeadLetterNamesTheMessageIdTheWorkerUsedWhenTheRecordsMessageIdHeaderSaysAnother() {
    // Given: a command that breaks the schema, whose message_id field (which wins) differs from
    // its message-id header
    String id = unique("field");
    String command = """
        {"message_id": "%s", "account": {"external_reference": "%s", "currency": "rand"}}"""
        .formatted(id, unique("ref"));

    // When
    fixture.send("key-8", command, Map.of("message-id", unique("header")));

    // Then: the dead letter's message-id (the last one, as Kafka tools and dlt show read it) is the field's
    ConsumerRecord<byte[], byte[]> dead = fixture.awaitDeadLetters(
        record -> new String(record.value()).contains(id), 1).get(0);
    assertThat(WorkerFixture.header(dead, "message-id")).isEqualTo(id);
    assertThat(WorkerFixture.header(fixture.awaitReplies(id, 1).get(0), "message-id")).isEqualTo(id);
  }

  @Test
  void theMessageIdHeaderIsUsedWhenTheBodyHasNoneAndIsEchoedOnTheReply() {
    String id = unique("hdr");
    String command = """
        {"account": {"external_reference": "%s", "customer": {"external_reference": "c-%s"}}}"""
        .formatted(unique("ref"), unique("c"));

    fixture.send("key-6", command, Map.of("message-id", id, "kafka_correlationId", "corr-" + id));

    ConsumerRecord<byte[], byte[]> reply = fixture.awaitReplies(id, 1).get(0);
    assertThat(WorkerFixture.header(reply, "kafka_correlationId")).isEqualTo("corr-" + id);
    assertThat(new String(reply.key())).isEqualTo("key-6");
    assertThat(WorkerFixture.value(reply).path("status").asString()).isEqualTo("created");
  }

  @Test
  void replyingKafkaTemplateGetsItsReplyOnItsOwnReplyTopic() throws Exception {
    String replyTopic = TestKafka.uniqueTopic("own-replies");
    TestKafka.createTopics(1, replyTopic);
    String id = unique("rkt");
    try (RequestReply requester = new RequestReply(fixture.commands, replyTopic)) {

      ConsumerRecord<String, String> reply = requester.sendAndReceive("key-7",
          WorkerFixture.command(id, unique("ref")));

      assertThat(reply.topic()).isEqualTo(replyTopic);
      assertThat(WorkerFixture.JSON.readTree(reply.value()).path("message_id").asString()).isEqualTo(id);
      assertThat(WorkerFixture.JSON.readTree(reply.value()).path("status").asString()).isEqualTo("created");
    }
  }

  @Test
  void aCommandProducedByKcatGetsItsReply() {
    assumeKcat();
    String id = unique("kcat");
    String command = WorkerFixture.command(id, unique("ref")).replace("\n", " ");

    Kcat.Result produced = Kcat.run(command.replace('\n', ' ') + "\n",
        "-P", "-b", TestKafka.bootstrapServers(), "-t", fixture.commands, "-k", "kcat-key");

    assertThat(produced.exitCode()).as(produced.toString()).isZero();
    JsonNode reply = fixture.awaitReply(id);
    assertThat(reply.path("status").asString()).isEqualTo("created");
    Kcat.Result read = Kcat.run("", "-C", "-b", TestKafka.bootstrapServers(), "-t", fixture.replies,
        "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed");
    assertThat(read.out()).contains(id);
  }

  /** kcat is installed by .ci/run; only a developer's machine may lack it. */
  static void assumeKcat() {
    if (System.getenv("CI") != null) {
      assertThat(Kcat.installed()).as("kcat must be installed in CI (.ci/run installs it)").isTrue();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(Kcat.installed(), "kcat is not installed");
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }
}

package dev.provisioner.worker;

import static dev.provisioner.testing.HostileServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.provisioner.testing.HostileServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A real worker against an API that misbehaves at the HTTP level (a socket server of the test's,
 * not the sandbox): every command still gets one reply that tells the truth, and the key the API
 * reflects reaches no reply, dead letter or log line.
 */
class HostileApiWorkerTest {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("(?i)idempotency-key: ([A-Za-z0-9-]+)");
  private static final Pattern AUTHORIZATION = Pattern.compile("(?i)authorization: ([^\r]+)");
  private static final String[] FEW_ATTEMPTS = {"--provisioner.resilience.max-attempts=2",
      "--provisioner.resilience.initial-backoff=10ms"};

  @Test
  void aSuccessWithoutAnAccountIdIsFailedAndDeadLetteredNotCreated() throws Exception {
    // Given an API (or a gateway before it) answering every create 201 {"status":"ok"}, and every
    // look-up 404
    HostileServer.Script okWithoutAccount = (head, out, socket) -> head.startsWith("POST")
        ? respond("HTTP/1.1 201 Created", "Content-Type: application/json\r\n", "{\"status\":\"ok\"}")
            .answer(head, out, socket)
        : respond("HTTP/1.1 404 Not Found", "", "").answer(head, out, socket);

    // When
    Failed failed = runAgainst(okWithoutAccount, "ok-1");

    // Then the command stays replayable instead of being answered created without an account
    assertThat(failed.reply().path("error").path("detail").asString()).as("reply " + failed.reply())
        .contains("answered 201 but its JSON has no account id");
    assertThat(failed.deadLetterReason()).startsWith("gave up after 2 API calls: 502 Unreadable response");
  }

  @Test
  void aBodyOverTheLimitIsFailedAsAnUnreadableResponseAndDeadLettered() throws Exception {
    // Given an API answering every create 201 with a 300 KB account
    HostileServer.Script large = respond("HTTP/1.1 201 Created", "Content-Type: application/json\r\n",
        "{\"id\":\"bacc_1\",\"pad\":\"" + "a".repeat(300_000) + "\"}");

    // When
    Failed failed = runAgainst(large, "big-1");

    // Then the reply and the dead letter say the answer could not be read, not that the
    // connection failed (before: 503 Connection error)
    assertThat(failed.reply().path("error").path("type").asString()).as("reply " + failed.reply())
        .isEqualTo("urn:account-provisioner:problem#unreadable-response");
    assertThat(failed.deadLetterReason()).isEqualTo("gave up after 2 API calls: 502 Unreadable response: "
        + "POST /billing/accounts failed: response body over 262144 bytes (status 201)");
  }

  @Test
  void theKeyAnApiReflectsReachesNoReplyDeadLetterOrLogLine() throws Exception {
    // Given an API that writes the request's Authorization header back, in a header and in the
    // body: a 201 without account to the commands echo-201-*, an HTML 500 to the others
    HostileServer.Script reflecting = (head, out, socket) -> {
      String authorization = first(AUTHORIZATION, head);
      String headers = "X-Echo: " + authorization + "\r\nWWW-Authenticate: " + authorization + "\r\n";
      return first(IDEMPOTENCY_KEY, head).startsWith("echo-201")
          ? respond("HTTP/1.1 201 " + authorization, headers, "{\"seen\":\"" + authorization + "\"}")
              .answer(head, out, socket)
          : respond("HTTP/1.1 500 " + authorization, headers + "Content-Type: text/html\r\n",
              "<html><body><p>request had " + authorization + "</p></body></html>").answer(head, out, socket);
    };
    try (var log = LogCapture.start(); var api = new HostileServer(reflecting);
        var fixture = new WorkerFixture(List.of(), base -> api.baseUrl().toString(), FEW_ATTEMPTS)) {
      // When
      fixture.sendAll(List.of(Map.entry("echo-201-1", WorkerFixture.command("echo-201-1", "ref-e1")),
          Map.entry("echo-500-1", WorkerFixture.command("echo-500-1", "ref-e2"))));

      // Then both fail with the API's words, the key masked, and nothing anywhere holds the key
      List<String> everything = new ArrayList<>();
      for (String messageId : List.of("echo-201-1", "echo-500-1")) {
        JsonNode reply = fixture.awaitReply(messageId);
        assertThat(reply.path("status").asString()).as("reply " + reply).isEqualTo("failed");
        assertThat(reply.path("error").path("detail").asString()).as("reply " + reply).contains("sk_test_****");
        everything.add(reply.toString());
        fixture.awaitDeadLetters(record -> messageId.equals(WorkerFixture.header(record, "message-id")), 1)
            .forEach(record -> everything.add(text(record)));
      }
      log.events().forEach(event -> everything.add(event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))));
      assertThat(api.heads()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(everything).noneMatch(line -> line.contains(WorkerFixture.API_KEY));
    }
  }

  @Test
  void anApiClosingEveryConnectionAfterItsAnswerStillGetsEveryCommandCreatedOnce() throws Exception {
    // Given an API that closes each connection right after its 201, without "Connection: close",
    // so the client may send the next call on a connection being closed
    HostileServer.Script closing = (head, out, socket) -> {
      respond("HTTP/1.1 201 Created", "Content-Type: application/json\r\n",
          "{\"id\":\"bacc_" + first(IDEMPOTENCY_KEY, head).replace("-", "") + "\"}").answer(head, out, socket);
      return false;
    };
    try (var api = new HostileServer(closing); var fixture = new WorkerFixture(List.of(),
        base -> api.baseUrl().toString(), "--provisioner.resilience.initial-backoff=10ms")) {
      // When
      List<Map.Entry<String, String>> commands = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        commands.add(Map.entry("close-" + i, WorkerFixture.command("close-" + i, "ref-close-" + i)));
      }
      fixture.sendAll(commands);

      // Then each command has one created reply
      long calls = 0;
      for (int i = 0; i < 200; i++) {
        List<ConsumerRecord<byte[], byte[]>> replies = fixture.awaitReplies("close-" + i, 1);
        JsonNode reply = WorkerFixture.value(replies.get(0));
        assertThat(reply.path("status").asString()).as("reply " + reply).isEqualTo("created");
        calls += reply.path("attempts").asLong();
      }
      assertThat(fixture.allReplies()).hasSize(200);
      assertThat(fixture.allDeadLetters()).isEmpty();
      LoggerFactory.getLogger(HostileApiWorkerTest.class).info(
          "FIGURES closing API: 200 commands, {} API calls, {} connections", calls, api.connections());
    }
  }

  /** A failed command's reply and its dead letter's reason. */
  private record Failed(JsonNode reply, String deadLetterReason) {
  }

  /** Runs one command, with {@link #FEW_ATTEMPTS}, against the script; it must end failed. */
  private static Failed runAgainst(HostileServer.Script script, String messageId) throws Exception {
    try (var api = new HostileServer(script);
        var fixture = new WorkerFixture(List.of(), base -> api.baseUrl().toString(), FEW_ATTEMPTS)) {
      fixture.send(messageId, WorkerFixture.command(messageId, "ref-" + messageId));
      JsonNode reply = fixture.awaitReply(messageId);
      assertThat(reply.path("status").asString()).as("reply " + reply).isEqualTo("failed");
      List<ConsumerRecord<byte[], byte[]>> dead = fixture.awaitDeadLetters(
          record -> messageId.equals(WorkerFixture.header(record, "message-id")), 1);
      return new Failed(reply, WorkerFixture.header(dead.get(0), "kafka_dlt-exception-message"));
    }
  }

  private static String first(Pattern pattern, String head) {
    Matcher matcher = pattern.matcher(head);
    return matcher.find() ? matcher.group(1) : "";
  }

  private static String text(ConsumerRecord<byte[], byte[]> record) {
    StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
    for (Header header : record.headers()) {
      text.append('\n').append(header.key()).append(": ").append(new String(header.value(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}

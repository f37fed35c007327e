package dev.provisioner.accounts;

import static dev.provisioner.testing.HostileServer.respond;
import static dev.provisioner.testing.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.ApiOutcome.Created;
import dev.provisioner.accounts.ApiOutcome.Transient;
import dev.provisioner.testing.HostileServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's API client ({@link VertxAccountsApi}) against a server that misbehaves at the
 * HTTP level, on a real socket: every call still ends, within the request timeout, as an outcome
 * that says whether a retry can help, and never sends the key anywhere but the base URL's host.
 */
class HostileApiTest {

  private static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  private static final String ACCOUNT = "{\"id\":\"bacc_1\"}";
  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void aBodyDrippingOneByteASecondEndsAsATimeoutAtTheRequestTimeout() throws Exception {
    // Given headers at once, then a byte a second of a 100-byte body
    HostileServer.Script drip = (head, out, socket) -> {
      write(out, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n");
      for (int i = 0; i < 100; i++) {
        write(out, " ");
        Thread.sleep(1000);
      }
      return false;
    };
    // When
    ApiOutcome outcome = createAt(drip, Duration.ofMillis(1500));
    // Then the timeout covers the body, not only the headers
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "timeout"));
  }

  @Test
  void anEndlessBodyIsCutAtTheLimitNotReadToItsEnd() throws Exception {
    // Given a 502 whose chunked body never ends
    HostileServer.Script endless = (head, out, socket) -> {
      write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[65536];
      Arrays.fill(chunk, (byte) 'a');
      while (true) {
        write(out, "10000\r\n");
        out.write(chunk);
        write(out, "\r\n");
      }
    };
    // When
    ApiOutcome outcome = createAt(endless, Duration.ofSeconds(10));
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(failure.problem())
        .isEqualTo(new Problem(ClientProblems.TYPE_BASE + "unreadable-response", "Unreadable response", 502,
            "POST /billing/accounts failed: response body over 262144 bytes (status 502)", null)));
  }

  @Test
  void aConnectionResetMidBodyIsAConnectionError() throws Exception {
    // Given half a body, then a TCP reset
    HostileServer.Script reset = (head, out, socket) -> {
      write(out, "HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"id\":");
      Thread.sleep(100);
      socket.setSoLinger(true, 0);
      socket.close();
      return false;
    };
    // When
    ApiOutcome outcome = createAt(reset, Duration.ofSeconds(5));
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "connection-error"));
  }

  @Test
  void aContentLengthLargerThanTheBodyOnAnOpenConnectionEndsAsATimeout() throws Exception {
    // Given a Content-Length of 100 and a 15-byte body, the connection left open
    HostileServer.Script short1 = (head, out, socket) -> {
      write(out, "HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n" + ACCOUNT);
      Thread.sleep(10_000);
      return false;
    };
    // When
    ApiOutcome outcome = createAt(short1, Duration.ofMillis(500));
    // Then the account in the first 15 bytes is not taken for the answer
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "timeout"));
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowedSoTheKeyStaysHome() throws Exception {
    try (var elsewhere = new HostileServer(respond("HTTP/1.1 201 Created", "", ACCOUNT))) {
      // Given a 307 to another host
      var redirect = respond("HTTP/1.1 307 Temporary Redirect",
          "Location: " + elsewhere.baseUrl() + "/billing/accounts\r\n", "");
      // When
      ApiOutcome outcome = createAt(redirect, Duration.ofSeconds(5));
      // Then
      assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
          failure.problem().detail()).contains("answered 307", "check provisioner.api.base-url"));
      assertThat(elsewhere.heads()).isEmpty();
    }
  }

  @Test
  void readsAnHttp10AnswerWhoseBodyEndsWithTheConnection() throws Exception {
    // Given no Content-Length: the body is what comes before the server closes
    HostileServer.Script http10 = (head, out, socket) -> {
      write(out, "HTTP/1.0 201 Created\r\nContent-Type: application/json\r\n\r\n" + ACCOUNT);
      return false;
    };
    // When / Then
    assertThat(createAt(http10, Duration.ofSeconds(5))).isInstanceOf(Created.class);
  }

  @Test
  void waitsPast100ContinueAnd103EarlyHintsForTheFinalAnswer() throws Exception {
    for (String interim : new String[] {"100 Continue\r\n", "103 Early Hints\r\nLink: </a>; rel=preload\r\n"}) {
      // Given an informational response before the 201
      HostileServer.Script script = (head, out, socket) -> {
        write(out, "HTTP/1.1 " + interim + "\r\n");
        return respond("HTTP/1.1 201 Created", "", ACCOUNT).answer(head, out, socket);
      };
      // When / Then
      assertThat(createAt(script, Duration.ofSeconds(5))).as(interim).isInstanceOf(Created.class);
    }
  }

  @Test
  void a102ProcessingNeverHandsOneCallsAnswerToAnother() throws Exception {
    // Given 102 Processing, then after a pause the 201 with an id made from the Idempotency-Key
    HostileServer.Script processing = (head, out, socket) -> {
      String key = head.replaceAll("(?s).*Idempotency-Key: ([a-z0-9]+)-([0-9]+).*", "$1$2");
      write(out, "HTTP/1.1 102 Processing\r\n\r\n");
      Thread.sleep(300);
      return respond("HTTP/1.1 201 Created", "", "{\"id\":\"bacc_" + key + "\"}").answer(head, out, socket);
    };
    try (var server = new HostileServer(processing); var api = client(server, Duration.ofSeconds(5))) {
      // When calls are made one after the other, each as soon as the one before has ended
      List<ApiOutcome> outcomes = new ArrayList<>();
      for (int call = 0; call < 4; call++) {
        outcomes.add(create(api, "msg-" + call));
      }
      // Then none gets the account of another (before: the second call got the first call's 201,
      // bacc_msg0): Vert.x takes the 102 for the answer, so each call is a connection error,
      // retried under the same key
      for (int call = 0; call < 4; call++) {
        if (outcomes.get(call) instanceof Created created) {
          assertThat(created.account().path("id").stringValue()).as("call " + call).isEqualTo("bacc_msg" + call);
        }
      }
      assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(
          Transient.class, failure -> assertThat(failure.problem().detail()).contains("interim response 102")));
    }
  }

  @Test
  void aRequestGivenAConnectionTheServerHadAlreadyClosedIsReportedNotSent() throws Exception {
    // Given a server that closes each connection right after its answer, without "Connection: close"
    HostileServer.Script closing = (head, out, socket) -> {
      respond("HTTP/1.1 201 Created", "", ACCOUNT).answer(head, out, socket);
      return false;
    };
    try (var server = new HostileServer(closing); var api = client(server, Duration.ofSeconds(5))) {
      // When 40 calls are each followed at once, on the client's event loop, by another, which
      // Vert.x's pool may give a connection just answered on, before it has seen the server close it
      List<CompletableFuture<ApiOutcome>> pairs = new ArrayList<>();
      for (int pair = 0; pair < 40; pair++) {
        String key = "msg-" + pair;
        pairs.add(api.create(mapper.readTree("{\"external_reference\":\"ref-1\"}"), key)
            .thenCompose(first -> api.create(mapper.readTree("{\"external_reference\":\"ref-1\"}"), key)));
      }
      List<ApiOutcome> seconds = new ArrayList<>();
      for (CompletableFuture<ApiOutcome> second : pairs) {
        assertThat(second).succeedsWithin(Duration.ofSeconds(15));
        seconds.add(second.join());
      }
      // Then a request whose write the closed connection refused says it was not sent (before: a
      // connection error like any other, which may have reached the API)
      List<Transient> notSent = seconds.stream().filter(outcome -> outcome instanceof Transient failure
          && failure.notSent()).map(Transient.class::cast).toList();
      assertThat(notSent).isNotEmpty().allSatisfy(failure -> assertThat(failure.problem().detail())
          .isEqualTo("POST /billing/accounts failed: RequestNotSentException: the request was not sent: its "
              + "pooled connection was already closed"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length: 15\r\nContent-Length: 100", "Content-Length: abc",
      "Content-Length: 5\r\nTransfer-Encoding: chunked", "X-Nul: a\u0000b\r\nContent-Length: 15",
      "X-Big: %BIG%\r\nContent-Length: 15"})
  void aResponseThatIsNotValidHttpIsUnreadableNotAClientFailure(String headers) throws Exception {
    // Given headers Netty's decoder refuses
    String head = "HTTP/1.1 201 Created\r\n" + headers.replace("%BIG%", "a".repeat(10_000)) + "\r\n\r\n";
    HostileServer.Script invalid = (request, out, socket) -> {
      write(out, head + ACCOUNT);
      return true;
    };
    // When
    ApiOutcome outcome = createAt(invalid, Duration.ofSeconds(5));
    // Then it is the server's fault, said so, and retried under the same key as the account may
    // exist (before: "Client failure", 500, and a warning with a stack trace for each call)
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
      assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "unreadable-response");
      assertThat(failure.problem().detail()).startsWith("POST /billing/accounts failed: the response is not valid HTTP: ");
    });
  }

  @Test
  void aStatusLineThatIsNotHttpIsUnreadable() throws Exception {
    // Given an SSH server, say, at the base URL
    HostileServer.Script ssh = (request, out, socket) -> {
      write(out, "SSH-2.0-OpenSSH_8.9\r\n");
      return true;
    };
    // When / Then
    assertThat(createAt(ssh, Duration.ofSeconds(5))).isInstanceOfSatisfying(Transient.class, failure ->
        assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "unreadable-response"));
  }

  @Test
  void aGzippedBodyTheClientDidNotAskForIsUnreadableAndRetried() throws Exception {
    // Given a server that compresses although the request has no Accept-Encoding
    var gzip = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gzip)) {
      out.write(ACCOUNT.getBytes());
    }
    byte[] body = gzip.toByteArray();
    HostileServer.Script compressing = (head, out, socket) -> {
      write(out, "HTTP/1.1 201 Created\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n");
      out.write(body);
      out.flush();
      return true;
    };
    try (var server = new HostileServer(compressing); var api = client(server, Duration.ofSeconds(5))) {
      // When
      ApiOutcome outcome = create(api);
      // Then
      assertThat(server.heads().get(0).toLowerCase()).doesNotContain("accept-encoding");
      assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
        assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "unreadable-response");
        // before: the compressed bytes, shown as text
        assertThat(failure.problem().detail()).isEqualTo("POST /billing/accounts answered 201 but its body "
            + "is in Content-Encoding gzip, which the client does not ask for, so the account may exist: "
            + "retry under the same Idempotency-Key to get the stored answer");
      });
    }
  }

  @Test
  void aGzippedErrorPageSaysItWasNotRead() throws Exception {
    // Given a 502 page compressed by a proxy
    var gzip = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gzip)) {
      out.write("<html><body>502 Bad Gateway</body></html>".getBytes());
    }
    byte[] body = gzip.toByteArray();
    HostileServer.Script compressing = (head, out, socket) -> {
      write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n");
      out.write(body);
      out.flush();
      return true;
    };
    // When / Then
    assertThat(createAt(compressing, Duration.ofSeconds(5))).isInstanceOfSatisfying(Transient.class,
        failure -> assertThat(failure.problem()).isEqualTo(new Problem("about:blank", "Bad Gateway", 502,
            "its body is in Content-Encoding gzip, which the client does not ask for, so it was not read", null)));
  }

  private ApiOutcome createAt(HostileServer.Script script, Duration requestTimeout) throws IOException {
    try (var server = new HostileServer(script); var api = client(server, requestTimeout)) {
      return create(api);
    }
  }

  private VertxAccountsApi client(HostileServer server, Duration requestTimeout) {
    return new VertxAccountsApi(new ApiSettings(server.baseUrl(), KEY, Duration.ofSeconds(2),
        requestTimeout), mapper, Clock.systemUTC());
  }

  private ApiOutcome create(VertxAccountsApi api) {
    return create(api, "msg-1-create");
  }

  private ApiOutcome create(VertxAccountsApi api, String idempotencyKey) {
    CompletableFuture<ApiOutcome> outcome = api.create(
        mapper.readTree("{\"external_reference\":\"ref-1\"}"), idempotencyKey);
    assertThat(outcome).succeedsWithin(Duration.ofSeconds(15));
    return outcome.join();
  }
}

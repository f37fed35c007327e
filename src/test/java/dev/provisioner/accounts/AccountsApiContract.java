package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.accounts.ApiOutcome.Conflict;
import dev.provisioner.accounts.ApiOutcome.ConflictKind;
import dev.provisioner.accounts.ApiOutcome.Created;
import dev.provisioner.accounts.ApiOutcome.NotAuthorized;
import dev.provisioner.accounts.ApiOutcome.Rejected;
import dev.provisioner.accounts.ApiOutcome.Transient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every {@link AccountsApi} implementation must do, against a scripted server on real
 * sockets. Subclasses only say how to build the client.
 */
abstract class AccountsApiContract {

  static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Map<String, String> PROBLEM_JSON = Map.of("Content-Type", "application/problem+json");

  final JsonMapper mapper = JsonMapper.builder().build();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<AccountsApi> clients = new ArrayList<>();
  ScriptedServer server;
  AccountsApi api;

  /** A client for these settings, reading {@code Retry-After} dates against the clock. */
  abstract AccountsApi newApi(ApiSettings settings, Clock clock);

  @BeforeEach
  void startServer() throws Exception {
    server = new ScriptedServer();
    api = apiFor(server.baseUrl("/api/"), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    for (AccountsApi client : clients) {
      if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  AccountsApi apiFor(URI baseUrl, Duration requestTimeout) {
    AccountsApi client = newApi(new ApiSettings(baseUrl, KEY, Duration.ofSeconds(2),
        requestTimeout), clock);
    clients.add(client);
    return client;
  }

  JsonNode body() {
    return mapper.readTree("{\"external_reference\":\"ref-1\",\"name\":\"Ada\"}");
  }

  ApiOutcome create() {
    return create(api);
  }

  ApiOutcome create(AccountsApi client) {
    CompletableFuture<ApiOutcome> future = client.create(body(), "msg-1-create");
    assertThat(future).succeedsWithin(Duration.ofSeconds(10));
    return future.join();
  }

  @Test
  void returnsTheAccountOfA201AsCreated() {
    // Given
    server.answer(201, Map.of("Content-Type", "application/json"),
        "{\"id\":\"bacc_123\",\"external_reference\":\"ref-1\"}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Created.class, created -> {
      assertThat(created.account().get("id").stringValue()).isEqualTo("bacc_123");
      assertThat(created.replayed()).isFalse();
      assertThat(created.retryable()).isFalse();
    });
  }

  @Test
  void readsTheIdempotentReplayedHeaderWhateverItsCase() {
    // Given
    server.answer(201, Map.of("idempotent-replayed", "TRUE"), "{\"id\":\"bacc_123\"}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Created.class,
        created -> assertThat(created.replayed()).isTrue());
  }

  @Test
  void sendsTheBearerKeyTheIdempotencyKeyAndTheJsonBodyToTheAccountsPath() {
    // Given
    server.answer(201, Map.of(), "{\"id\":\"bacc_123\"}");
    // When
    create();
    // Then
    ScriptedServer.Received request = server.lastReceived();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/api/billing/accounts");
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("msg-1-create");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    assertThat(mapper.readTree(request.body())).isEqualTo(body());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"400, Rejected", "402, Rejected", "404, Transient", "405, Transient",
      "407, Transient", "431, Transient", "422, Rejected",
      "418, Rejected", "401, NotAuthorized", "403, NotAuthorized", "409, Conflict",
      "408, Transient", "429, Transient", "500, Transient", "502, Transient", "503, Transient",
      "504, Transient", "302, Transient"})
  void mapsEachStatusToTheOutcomeThatSaysWhetherARetryCanHelp(int status, String type) {
    // Given
    server.answer(status, PROBLEM_JSON, "{\"type\":\"about:blank\",\"title\":\"t\"}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome.getClass().getSimpleName()).isEqualTo(type);
    assertThat(outcome.retryable()).isEqualTo(type.equals("Transient"));
  }

  @ParameterizedTest(name = "{0} names {2}")
  @CsvSource(delimiter = '|', value = {
      "404 | no such endpoint | check provisioner.api.base-url",
      "431 | headers too large | the request's headers are too large for the API: check provisioner.api.key"})
  void namesTheSettingToCheckWhenTheRequestCannotReachTheCreateEndpoint(int status, String detail,
      String hint) {
    // Given
    server.answer(status, PROBLEM_JSON, "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":"
        + status + ",\"detail\":\"" + detail + "\"}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem().detail()).isEqualTo(detail + "; " + hint));
  }

  @Test
  void keepsA404ToALookUpAsTheAccountNotFound() {
    // Given
    server.answer(404, PROBLEM_JSON, "{\"type\":\"about:blank\",\"title\":\"Not Found\"}");
    // When
    CompletableFuture<ApiOutcome> future = api.retrieve("ACC-1");
    // Then
    assertThat(future).succeedsWithin(Duration.ofSeconds(10)).isInstanceOf(Rejected.class);
  }

  @Test
  void readsAProblemJsonBodyIntoTheProblem() {
    // Given
    server.answer(422, PROBLEM_JSON, "{\"type\":\"" + Problem.TYPE_BASE + "invalid-currency\","
        + "\"title\":\"Invalid currency\",\"status\":422,\"detail\":\"XXX is not ISO 4217\","
        + "\"instance\":\"/billing/accounts\",\"errors\":[{\"field\":\"currency\"}]}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
      assertThat(rejected.problem()).isEqualTo(new Problem(Problem.TYPE_BASE + "invalid-currency",
          "Invalid currency", 422, "XXX is not ISO 4217", "/billing/accounts"));
      assertThat(rejected.problem().fragment()).isEqualTo("invalid-currency");
    });
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"idempotency-key-in-use, KEY_IN_FLIGHT, true",
      "duplicate-external-reference, DUPLICATE_REFERENCE, false", "something-else, UNKNOWN, false"})
  void classifiesA409ByTheFragmentOfItsProblemType(String fragment, ConflictKind kind,
      boolean retryable) {
    // Given
    server.answer(409, Map.of("Content-Type", "application/json", "Idempotent-Replayed", "true"),
        "{\"type\":\"" + Problem.TYPE_BASE + fragment + "\",\"title\":\"Conflict\"}");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Conflict.class, conflict -> {
      assertThat(conflict.kind()).isEqualTo(kind);
      assertThat(conflict.replayed()).isTrue();
      assertThat(conflict.retryable()).isEqualTo(retryable);
    });
  }

  @Test
  void synthesizesAShortPlainProblemFromAnHtmlGatewayPage() {
    // Given
    String page = "<html><head><style>body{color:red}</style><script>alert(1)</script></head>"
        + "<body><h1>502 Bad Gateway</h1>\n\t<p>" + "upstream unavailable ".repeat(40)
        + "</p></body></html>";
    server.answer(502, Map.of("Content-Type", "text/html"), page);
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
      Problem problem = failure.problem();
      assertThat(problem.type()).isEqualTo("about:blank");
      assertThat(problem.title()).isEqualTo("Bad Gateway");
      assertThat(problem.status()).isEqualTo(502);
      assertThat(problem.detail()).startsWith("502 Bad Gateway upstream unavailable")
          .doesNotContain("<", "alert", "color", "\n", "\t").hasSizeLessThanOrEqualTo(200);
    });
  }

  @Test
  void synthesizesAProblemWithoutDetailFromAnEmptyErrorBody() {
    // Given
    server.answer(500, Map.of(), "");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem()).isEqualTo(new Problem("about:blank", "Internal Server Error", 500,
        null, null)));
  }

  @Test
  void readsRetryAfterInSecondsOnA429() {
    // Given
    server.answer(429, Map.of("Retry-After", "7"), "");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class,
        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void readsRetryAfterAsAnHttpDateOnA503() {
    // Given
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
    server.answer(503, Map.of("Retry-After", date), "");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class,
        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void treatsAnUnreadable201AsTransientSoTheSameKeyIsRetried() {
    // Given
    server.answer(201, Map.of("Content-Type", "application/json", "Idempotent-Replayed", "true"),
        "{\"id\":\"bacc_1");
    // When
    ApiOutcome outcome = create();
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
      assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE
          + "unreadable-response");
      assertThat(failure.problem().detail()).contains("201", "may exist", "same Idempotency-Key");
      assertThat(failure.replayed()).isTrue();
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {"201 | {\"status\":\"ok\"}", "200 | {}", "201 | {\"id\":\"\"}",
      "201 | {\"id\":42}", "201 | {\"account\":{\"id\":\"bacc_1\"}}"})
  void treatsA2xxWhoseJsonHasNoAccountIdAsUnreadableNotCreated(int status, String body) {
    // Given a gateway or a broken API answering success without an account
    server.answer(status, Map.of("Content-Type", "application/json"), body);
    // When
    ApiOutcome outcome = create();
    // Then it is retried under the same key, saying why, rather than replied created without id
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
      assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "unreadable-response");
      assertThat(failure.problem().detail()).contains(status + " but its JSON has no account id");
    });
  }

  @ParameterizedTest(name = "status {0}, cut after {1} bytes")
  @CsvSource({"201, 1024", "500, 8192"})
  void masksTheKeyWhereTheExcerptOfABodyCutsThroughIt(int status, int cut) {
    // Given a body echoing "Bearer <key>" whose key starts 14 bytes before the excerpt's end
    int keyStart = cut - 14;
    String markup = "<p " + "y".repeat(keyStart - "<p >Bearer ".length()) + ">";
    server.answerEchoingAuthorization(status, Map.of("Content-Type", "text/html"),
        markup + ScriptedServer.AUTHORIZATION + " after");
    // When
    ApiOutcome outcome = create();
    // Then none of the key's secret characters are shown
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> assertThat(
        failure.problem().detail()).doesNotContain(KEY.substring(0, "sk_test_".length() + 2))
        .contains("Bearer sk_test_****"));
  }

  @Test
  void reportsARefusedConnectionAsTransientWithItsCause() throws Exception {
    // Given
    AccountsApi client = apiFor(URI.create("http://127.0.0.1:" + ScriptedServer.closedPort()),
        Duration.ofSeconds(5));
    // When
    ApiOutcome outcome = create(client);
    // Then
    assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
      assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE
          + "connection-error");
      assertThat(failure.problem().status()).isEqualTo(503);
      assertThat(failure.cause()).isNotNull();
    });
  }

  @Test
  void reportsAServerThatNeverAnswersAsATimeoutSoonAfterTheRequestTimeout() throws Exception {
    try (var silent = new ScriptedServer.RawServer("")) {
      // Given
      AccountsApi client = apiFor(silent.baseUrl(), Duration.ofMillis(300));
      // When
      CompletableFuture<ApiOutcome> future = client.create(body(), "msg-1-create");
      // Then
      assertThat(future).succeedsWithin(Duration.ofSeconds(3))
          .isInstanceOfSatisfying(Transient.class, failure -> {
            assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE + "timeout");
            assertThat(failure.problem().status()).isEqualTo(504);
            assertThat(failure.cause()).isNotNull();
          });
    }
  }

  @Test
  void reportsAConnectionDroppedMidResponseAsTransient() throws Exception {
    try (var dropping = new ScriptedServer.RawServer("HTTP/1.1 201 Created\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":\"bac")) {
      // Given
      AccountsApi client = apiFor(dropping.baseUrl(), Duration.ofSeconds(5));
      // When
      ApiOutcome outcome = create(client);
      // Then
      assertThat(outcome).isInstanceOfSatisfying(Transient.class, failure -> {
        assertThat(failure.problem().type()).isEqualTo(ClientProblems.TYPE_BASE
            + "connection-error");
        assertThat(failure.cause()).isNotNull();
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "..", ".", "bacc_1/../../admin", "ünïcødé ref", "a b+c",
      "a?b#c", "%2F", "\\..\\"})
  void retrieveEncodesTheReferenceAsOneSegmentUnderTheAccountsPath(String reference) {
    // Given
    server.answer(200, Map.of(), "{\"id\":\"bacc_1\"}");
    // When
    CompletableFuture<ApiOutcome> future = api.retrieve(reference);
    // Then
    assertThat(future).succeedsWithin(Duration.ofSeconds(10)).isInstanceOf(Created.class);
    ScriptedServer.Received request = server.lastReceived();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).startsWith("/api/billing/accounts/");
    String segment = request.rawPath().substring("/api/billing/accounts/".length());
    assertThat(segment).doesNotContain("/", ".", "?", "#", " ", "\\");
    assertThat(URLDecoder.decode(segment, StandardCharsets.UTF_8)).isEqualTo(reference);
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void refusesAnIdempotencyKeyTheApiWouldNotAccept() {
    assertThatThrownBy(() -> api.create(body(), "bad key\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Idempotency-Key");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"refused", "timeout", "dropped", "html-500", "problem-401", "json-409",
      "unreadable-201", "redirect"})
  void neverLetsTheKeyIntoAnOutcomeWhateverGoesWrong(String failure) throws Exception {
    String echo = ScriptedServer.AUTHORIZATION;
    try (var silent = new ScriptedServer.RawServer("");
        var dropping = new ScriptedServer.RawServer("HTTP/1.1 500 " + KEY + "\r\n"
            + "Content-Length: 50\r\n\r\n" + KEY)) {
      // Given
      AccountsApi client = switch (failure) {
        case "refused" -> apiFor(URI.create("http://127.0.0.1:" + ScriptedServer.closedPort()),
            Duration.ofSeconds(5));
        case "timeout" -> apiFor(silent.baseUrl(), Duration.ofMillis(200));
        case "dropped" -> apiFor(dropping.baseUrl(), Duration.ofSeconds(5));
        default -> api;
      };
      switch (failure) {
        case "html-500" -> server.answerEchoingAuthorization(500, Map.of(), "<p>" + echo + "</p>");
        case "problem-401" -> server.answerEchoingAuthorization(401, PROBLEM_JSON,
            "{\"type\":\"" + echo + "\",\"title\":\"" + echo + "\",\"detail\":\"" + echo
            + "\",\"instance\":\"" + echo + "\"}");
        case "json-409" -> server.answerEchoingAuthorization(409, PROBLEM_JSON,
            "{\"type\":\"x#" + echo + "\",\"detail\":\"" + echo + "\"}");
        case "unreadable-201" -> server.answerEchoingAuthorization(201, Map.of(), echo);
        case "redirect" -> server.answerEchoingAuthorization(302,
            Map.of("Location", "http://elsewhere/?k=" + echo), "");
        default -> server.answer(500, Map.of(), "");
      }
      // When
      ApiOutcome outcome = create(client);
      // Then
      assertThat(outcome).isNotInstanceOf(Created.class);
      assertThat(everythingSaidAbout(outcome)).doesNotContain(KEY);
      if (client == api) {
        assertThat(everythingSaidAbout(outcome)).contains("sk_test_****");
      }
    }
  }

  /** The outcome's text, its problem's, and every message and stack line of its cause. */
  static String everythingSaidAbout(ApiOutcome outcome) {
    var text = new java.io.StringWriter();
    text.append(outcome.toString());
    if (outcome instanceof Transient failure && failure.cause() != null) {
      failure.cause().printStackTrace(new java.io.PrintWriter(text));
      for (Throwable t = failure.cause(); t != null; t = t.getCause()) {
        text.append(t.getMessage()).append(t.getLocalizedMessage());
      }
    }
    return text.toString();
  }
}

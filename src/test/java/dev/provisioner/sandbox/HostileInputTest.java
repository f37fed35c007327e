package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point 8: hostile input gets a 4xx problem, never a 500, and the sandbox keeps answering
 * (checked after every test).
 */
class HostileInputTest extends SandboxTestBase {
  @AfterEach
  void stillAnswersAndNeverAnswered500() {
    HttpResponse<String> response = client.createAccount("after", SandboxClient.accountJson("OK"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(client.admin("GET", "/_sandbox/stats", "").get("by_status").has("500")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{", "{\"customer\": }", "not json", "{\"a\": \"\\uZZZZ\"}", "{}}",
      "\"just a string\"", "null", "{\"customer\": \"C\", \"customer\": \"D\"", "\u0000\u0001",
      "{\"balance\": NaN}", "{\"balance\": 0x10}", "{\"balance\": Infinity}"})
  void malformedJsonIsABadRequest(String body) {
    HttpResponse<String> response = client.createAccount("malformed", body);

    assertThat(assertProblem(response, 400, "validation-error")).startsWith("body:");
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    HttpResponse<String> response = client.createAccount("empty", "");

    assertThat(assertProblem(response, 400, "validation-error")).contains("body: required");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
      "application/jsonx"})
  void aWrongContentTypeIsUnsupported(String contentType) {
    HttpResponse<String> response = client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")).setHeader("Content-Type", contentType));

    assertThat(assertProblem(response, 415, "unsupported-media-type")).contains(contentType);
    assertThat(client.accountCount()).isZero();
  }

  @Test
  void aJsonContentTypeWithACharsetIsAccepted() {
    HttpResponse<String> response = client.send(client.post("/billing/accounts",
        SandboxClient.accountJson("A1")).setHeader("Content-Type", "application/json; charset=utf-8"));

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1_048_576, 3_000_000})
  void aBodyOfOneMegabyteOrMoreIsTooLarge(int size) {
    String body = "{\"customer\": \"C\", \"external_reference\": \"A1\", \"name\": \""
        + "x".repeat(size) + "\"}";

    HttpResponse<String> response = client.createAccount("large", body);

    assertProblem(response, 413, "payload-too-large");
  }

  @Test
  void aBodyPastTheDrainLimitIsTooLargeWithThePathAsInstance() throws Exception {
    String response = rawPost("/billing/accounts?source=batch", 17 << 20);

    assertThat(response).startsWith("HTTP/1.1 413 ")
        .contains("\"instance\":\"/billing/accounts\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "%2E%2E", "%E2%98%83", "caf%C3%A9",
      "%F0%9F%92%A9", "bacc_%00", "a%20b", "%252F", "..."})
  void hostileReferencesInThePathAreNotFound(String reference) {
    assertProblem(client.get("/billing/accounts/" + reference), 404, "not-found");
    assertProblem(client.get("/billing/customers/" + reference), 404, "not-found");
  }

  @Test
  void aLiteralDotDotSegmentIsNotFound() {
    HttpResponse<String> response = client.send(client.request("/billing/accounts/x/../../y").GET());

    assertProblem(response, 404, "not-found");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%ZZ", "%C3", "%FF%FE", "abc%"})
  void anUndecodableReferenceIsABadRequest(String reference) throws IOException {
    String response = rawGet("/billing/accounts/" + reference);

    assertThat(response).startsWith("HTTP/1.1 400 ").contains("application/problem+json")
        .contains("\"detail\":\"path:");
  }

  /** The JDK client refuses to send a broken escape; a socket does not. */
  private static String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("localhost", sandbox.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + SandboxClient.KEY + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A POST of {@code size} zero bytes; the answer is read while sending, as the sandbox answers
   * and closes the connection (so a late read would meet a reset) once it stops reading.
   */
  private static String rawPost(String path, int size) throws Exception {
    try (Socket socket = new Socket("localhost", sandbox.port())) {
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
        try {
          socket.getInputStream().transferTo(answer);
        } catch (IOException resetAfterTheAnswer) {
          // what arrived before the reset is the answer
        }
      });
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + SandboxClient.KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + size
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      try {
        for (int sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, size - sent));
        }
      } catch (IOException closedWhileSending) {
        // the sandbox closed the connection past its drain limit, after answering
      }
      reading.get(10, TimeUnit.SECONDS);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aVeryLongReferenceIsNotFound() {
    assertProblem(client.get("/billing/accounts/" + "a".repeat(20_000)), 404, "not-found");
  }

  @ParameterizedTest(name = "balance {0}")
  @ValueSource(strings = {"1e400", "-1e400", "1180591620717411303424", "9223372036854775808",
      "-9223372036854775809", "1.5e3", "1e99999999999"})
  void absurdNumbersAreRejected(String balance) {
    HttpResponse<String> response = client.createAccount("absurd",
        "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"ZAR\","
            + " \"balance\": " + balance + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("balance");
  }

  @Test
  void aNumberOfTwoThousandDigitsIsRejected() {
    HttpResponse<String> response = client.createAccount("digits",
        "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"ZAR\","
            + " \"balance\": 1" + "0".repeat(2000) + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }

  @Test
  void deeplyNestedJsonIsABadRequest() {
    String body = "{\"customer\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    HttpResponse<String> response = client.createAccount("deep", body);

    assertProblem(response, 400, "validation-error");
  }

  @Test
  void unicodeInFieldsIsJudgedByTheRules() {
    HttpResponse<String> response = client.createAccount("unicode",
        "{\"customer\": {\"external_reference\": \"C\"}, \"external_reference\": \"caf\u00e9\","
            + " \"name\": \"\u2603\uD83D\uDCA9\"}");

    assertThat(assertProblem(response, 400, "validation-error")).contains("external_reference");
  }

  @Test
  void unicodeInNamesAndMetadataIsKept() {
    HttpResponse<String> response = client.createAccount("unicode-ok",
        "{\"customer\": {\"external_reference\": \"C\"}, \"external_reference\": \"U1\","
            + " \"name\": \"\u2603\uD83D\uDCA9\", \"metadata\": {\"\u00e9\": \"\u65e5\u672c\"}}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(SandboxClient.json(client.get("/billing/accounts/U1")).get("name").asString())
        .isEqualTo("\u2603\uD83D\uDCA9");
  }

  @Test
  void aHostileAdminBodyIsABadRequest() {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
        sandbox.baseUrl().resolve("/_sandbox/faults")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"latency_ms\": \"soon\"}")));

    assertProblem(response, 400, "validation-error");
  }
}

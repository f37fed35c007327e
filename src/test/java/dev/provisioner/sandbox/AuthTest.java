package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Point 3: bearer API keys as Moment checks them; every refusal is problem+json. */
class AuthTest {

  @ParameterizedTest(name = "Authorization: {0}")
  @ValueSource(strings = {"", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer 12345",
      "Bearer sk_test_has space", "Bearer tok_test_abc"})
  void aMissingOrMalformedAuthorizationIsUnauthorized(String authorization) {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxClient client = new SandboxClient(sandbox);
      HttpRequest.Builder request = HttpRequest.newBuilder(
          sandbox.baseUrl().resolve("/billing/accounts/X"));
      if (!authorization.isEmpty()) {
        request.setHeader("Authorization", authorization);
      }

      HttpResponse<String> response = client.send(request.GET());

      assertThat(assertProblem(response, 401, "unauthorized")).startsWith("Authorization:");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pk_test_abc123", "pk_live123"})
  void aPublicKeyIsForbidden(String key) {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxClient client = new SandboxClient(sandbox);

      HttpResponse<String> response = client.send(client.post("/billing/accounts",
          SandboxClient.accountJson("A1")).setHeader("Authorization", "Bearer " + key));

      assertThat(assertProblem(response, 403, "forbidden")).contains("public key");
      assertThat(client.accountCount()).isZero();
    }
  }

  @Test
  void testAndLiveSecretKeysAreAcceptedWhenNoKeyIsConfigured() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxClient client = new SandboxClient(sandbox);

      HttpResponse<String> test = client.send(client.post("/billing/accounts",
          SandboxClient.accountJson("A1")).setHeader("Authorization", "Bearer sk_test_one"));
      HttpResponse<String> live = client.send(client.post("/billing/accounts",
          SandboxClient.accountJson("A2")).setHeader("Authorization", "bearer sk_live_two"));

      assertThat(test.statusCode()).as(test.body()).isEqualTo(201);
      assertThat(live.statusCode()).as(live.body()).isEqualTo(201);
    }
  }

  @Test
  void withAConfiguredKeyOnlyThatKeyIsAccepted() {
    try (Sandbox sandbox = Sandbox.start("--sandbox.api-key=sk_test_only")) {
      SandboxClient client = new SandboxClient(sandbox);

      HttpResponse<String> other = client.send(client.request("/billing/accounts/X")
          .setHeader("Authorization", "Bearer sk_test_other").GET());
      HttpResponse<String> configured = client.send(client.request("/billing/accounts/X")
          .setHeader("Authorization", "Bearer sk_test_only").GET());

      assertThat(assertProblem(other, 401, "unauthorized")).contains("unknown API key");
      assertProblem(configured, 404, "not-found");
    }
  }
}

package dev.provisioner.sandbox;

import dev.provisioner.sandbox.core.SandboxJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** A JDK {@link HttpClient} on a started sandbox, with the API key and JSON parsing at hand. */
final class SandboxClient {

  static final String KEY = "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  private final HttpClient http;
  private final URI base;

  SandboxClient(Sandbox sandbox) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = sandbox.baseUrl();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", KEY);
  }

  HttpResponse<String> createAccount(String idempotencyKey, String json) {
    return send(post("/billing/accounts", json).header("Idempotency-Key", idempotencyKey));
  }

  HttpRequest.Builder post(String path, String json) {
    return request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpRequest.Builder patch(String path, String json) {
    return request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An admin call: {@code method} on {@code /_sandbox/...} with an optional JSON body. */
  JsonNode admin(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
          + response.body());
    }
    return json(response);
  }

  void reset() {
    admin("POST", "/_sandbox/reset", "");
  }

  long accountCount() {
    return admin("GET", "/_sandbox/accounts/count", "").get("count").asLong();
  }

  static JsonNode json(HttpResponse<String> response) {
    return SandboxJson.MAPPER.readTree(response.body());
  }

  static String accountJson(String externalReference) {
    return "{\"customer\": {\"external_reference\": \"C-" + externalReference + "\"},"
        + " \"external_reference\": \"" + externalReference + "\", \"name\": \"Subscription\","
        + " \"currency\": \"ZAR\", \"balance\": 2000, \"metadata\": {\"plan\": \"gold\"}}";
  }
}

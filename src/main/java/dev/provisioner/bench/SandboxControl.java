package dev.provisioner.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox's admin API as the benchmark uses it: empty it, and set its latency. */
public final class SandboxControl {

  private final URI baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public SandboxControl(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** Forgets every account, key and fault, then adds {@code latencyMs} to every API request. */
  public void resetWithLatency(long latencyMs) {
    resetWithFaults("{\"latency_ms\": " + latencyMs + "}");
  }

  /** Forgets every account, key and fault, then sets the faults ({@code /_sandbox/faults} JSON). */
  public void resetWithFaults(String faultsJson) {
    send(HttpRequest.newBuilder(baseUrl.resolve("/_sandbox/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    send(HttpRequest.newBuilder(baseUrl.resolve("/_sandbox/faults"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(faultsJson)).build());
  }

  /**
   * Forgets every account and key but keeps the faults: a warm-up's hundreds of thousands of
   * accounts would otherwise make the measured run pay for a bigger heap in the sandbox's JVM.
   */
  public void forgetAccounts() {
    String faults = send(HttpRequest.newBuilder(baseUrl.resolve("/_sandbox/faults")).GET().build());
    resetWithFaults(faults);
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("the sandbox did not answer " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

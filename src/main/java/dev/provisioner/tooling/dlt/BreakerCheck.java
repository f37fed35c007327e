package dev.provisioner.tooling.dlt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the worker's health endpoint whether its circuit breaker is open: a replay into an API the
 * worker has given up on would only fill the dead-letter topic again.
 */
public final class BreakerCheck {

  /** What the worker says; {@code detail} is one line for the operator. */
  public record Verdict(State state, String detail) {
  }

  /** Open: do not replay. Closed: go. Unknown: the endpoint could not be read. */
  public enum State { OPEN, CLOSED, UNKNOWN }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /** Reads {@code workerUrl/actuator/health}. */
  public Verdict check(URI workerUrl) {
    URI health = workerUrl.resolve("/actuator/health");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return verdict(json.readTree(response.body()), health);
    } catch (java.io.IOException | JacksonException e) {
      return new Verdict(State.UNKNOWN, "the worker's health endpoint " + health
          + " cannot be read: " + why(e) + " (is the worker running there? --worker-url names its"
          + " management URL)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Verdict(State.UNKNOWN, "interrupted while reading " + health);
    }
  }

  /** A reason an operator can read: the JDK's ConnectException has no message at all. */
  private static String why(Exception e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }

  private static Verdict verdict(JsonNode body, URI health) {
    if (open(body)) {
      return new Verdict(State.OPEN, "the worker at " + health + " reports its circuit breaker OPEN");
    }
    return new Verdict(State.CLOSED, "the worker's breaker is not open");
  }

  /** True when any object in the health tree has a {@code breaker} or {@code state} of OPEN. */
  static boolean open(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if ((name.equals("breaker") || name.equals("state")) && value.isString()
            && (value.stringValue().equals("OPEN") || value.stringValue().equals("FORCED_OPEN"))) {
          return true;
        }
        if (open(value)) {
          return true;
        }
      }
    }
    return false;
  }
}

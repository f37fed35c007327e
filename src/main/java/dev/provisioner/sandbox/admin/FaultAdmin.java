package dev.provisioner.sandbox.admin;

import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxClock;
import dev.provisioner.sandbox.core.SandboxJson;
import dev.provisioner.sandbox.gateway.FaultSettings;
import dev.provisioner.sandbox.gateway.Faults;
import dev.provisioner.sandbox.gateway.Outage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault part of the admin API. {@code PUT /_sandbox/faults} replaces the settings (fields not
 * sent are "no fault"); {@code PATCH} changes only the fields sent.
 */
final class FaultAdmin {

  private final Faults faults;
  private final SandboxClock clock;

  FaultAdmin(Faults faults, SandboxClock clock) {
    this.faults = faults;
    this.clock = clock;
  }

  /** {@code {"seconds": 20, "mode": "refuse" | "hang"}}. */
  record OutageRequest(long seconds, Outage.Mode mode) {
  }

  /** {@code {"advance_seconds": 86400}}. */
  record ClockRequest(long advanceSeconds) {
  }

  Reply handle(String method, String path, byte[] body) {
    if (path.endsWith("/faults")) {
      return switch (method) {
        case "PUT" -> setFaults(FaultSettings.NONE, body);
        case "PATCH" -> setFaults(faults.settings(), body);
        default -> Reply.json(200, faults.settings());
      };
    }
    return switch (method) {
      case "POST" -> startOutage(body);
      case "DELETE" -> {
        faults.endOutage();
        yield outage();
      }
      default -> outage();
    };
  }

  Reply advanceClock(byte[] body) {
    ClockRequest request = read(body, ClockRequest.class);
    clock.advance(Duration.ofSeconds(request.advanceSeconds()));
    return Reply.json(200, Map.of("now", clock.instant().toString()));
  }

  private Reply setFaults(FaultSettings base, byte[] body) {
    JsonNode changes = tree(body);
    if (!changes.isObject()) {
      throw new AdminInputException("body: must be a JSON object of fault settings");
    }
    ObjectNode merged = SandboxJson.MAPPER.valueToTree(base);
    merged.setAll((ObjectNode) changes);
    faults.set(convert(merged, FaultSettings.class));
    return Reply.json(200, faults.settings());
  }

  private Reply startOutage(byte[] body) {
    OutageRequest request = read(body, OutageRequest.class);
    if (request.seconds() <= 0 || request.mode() == null) {
      throw new AdminInputException(
          "body: seconds must be positive and mode refuse or hang, e.g. {\"seconds\": 20, \"mode\": \"refuse\"}");
    }
    faults.startOutage(Duration.ofSeconds(request.seconds()), request.mode());
    return outage();
  }

  private Reply outage() {
    Map<String, Object> state = new LinkedHashMap<>();
    Optional<Outage> active = faults.activeOutage();
    state.put("active", active.isPresent());
    active.ifPresent(window -> {
      state.put("mode", window.mode());
      state.put("until", window.until().toString());
      state.put("remaining_seconds", faults.untilOutageEnds(window).toSeconds());
    });
    return Reply.json(200, state);
  }

  private static <T> T read(byte[] body, Class<T> type) {
    return convert(tree(body), type);
  }

  private static JsonNode tree(byte[] body) {
    try {
      return SandboxJson.tree(body.length == 0 ? "{}".getBytes() : body);
    } catch (JacksonException e) {
      throw new AdminInputException("body: not valid JSON");
    }
  }

  private static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return SandboxJson.MAPPER.treeToValue(tree, type);
    } catch (JacksonException e) {
      Throwable cause = e.getCause();
      throw new AdminInputException(cause instanceof IllegalArgumentException
          ? cause.getMessage() : e.getOriginalMessage());
    }
  }
}

package dev.provisioner.sandbox.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's one JSON mapper: snake_case names, absent values left out, unknown properties
 * rejected. Shared and thread-safe.
 */
public final class SandboxJson {

  public static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultPropertyInclusion(
          incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private SandboxJson() {
  }

  public static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /** Parses JSON; throws {@link tools.jackson.core.JacksonException} when it is not JSON. */
  public static JsonNode tree(byte[] body) {
    return MAPPER.readTree(body);
  }
}

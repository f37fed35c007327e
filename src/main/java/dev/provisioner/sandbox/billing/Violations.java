package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations found in one request body. A parameter that is missing, of the wrong JSON type,
 * unknown, or breaks its rule (pattern, length, currency, limits) makes the answer a 400, Moment's
 * "required parameter missing or malformed"; only valid parameters that the stored resource
 * cannot take (a PATCH that cannot be merged, an immutable field) make it a 422, Moment's
 * "parameters valid but could not be processed". The detail lists every violation, each naming
 * its field.
 */
public final class Violations {

  private final List<String> malformed = new ArrayList<>();
  private final List<String> unprocessable = new ArrayList<>();

  /** A 400 violation: the field is missing, unknown, of the wrong JSON type or breaks its rule. */
  public void malformed(String field, String rule) {
    malformed.add(field + ": " + rule);
  }

  /** A 422 violation: the field is valid, but the resource as stored cannot take it. */
  public void unprocessable(String field, String rule) {
    unprocessable.add(field + ": " + rule);
  }

  public boolean any() {
    return !malformed.isEmpty() || !unprocessable.isEmpty();
  }

  public Reply reply(String instance) {
    List<String> all = new ArrayList<>(malformed);
    all.addAll(unprocessable);
    int status = malformed.isEmpty() ? 422 : 400;
    return ProblemType.VALIDATION_ERROR.reply(status, String.join("; ", all), instance);
  }
}

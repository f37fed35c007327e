package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations found in one request body. Malformed input (wrong JSON type, missing required
 * field, unknown field) makes the answer a 400; otherwise broken rules (pattern, length, limits,
 * currency, references) make it a 422. The detail lists every violation, each naming its field.
 */
public final class Violations {

  private final List<String> malformed = new ArrayList<>();
  private final List<String> invalid = new ArrayList<>();

  /** A 400 violation: the field is missing or has the wrong JSON type, or is unknown. */
  public void malformed(String field, String rule) {
    malformed.add(field + ": " + rule);
  }

  /** A 422 violation: the field is well-formed but breaks a rule. */
  public void invalid(String field, String rule) {
    invalid.add(field + ": " + rule);
  }

  public boolean any() {
    return !malformed.isEmpty() || !invalid.isEmpty();
  }

  public Reply reply(String instance) {
    List<String> all = new ArrayList<>(malformed);
    all.addAll(invalid);
    int status = malformed.isEmpty() ? 422 : 400;
    return ProblemType.VALIDATION_ERROR.reply(status, String.join("; ", all), instance);
  }
}

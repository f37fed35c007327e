package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import dev.provisioner.command.AccountCommand;
import dev.provisioner.command.ParseResult;
import dev.provisioner.command.SafeText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Small shared helpers over outcomes. */
final class Steps {

  private Steps() {
  }

  /**
   * When the account an answer carries has an {@code external_reference} other than the
   * command's, a problem saying so; else null. The answer is then not this command's: an HTTP
   * connection out of step (a response read as the answer to the request after it), or a proxy
   * or an API that mixed answers up. Replied, it would hand one customer another's account.
   */
  static @Nullable Problem anotherAccount(AccountCommand command, JsonNode account, String call) {
    JsonNode reference = account.get("external_reference");
    if (reference == null || !reference.isString()
        || reference.stringValue().equals(command.externalReference())) {
      return null;
    }
    return new Problem(ParseResult.Invalid.TYPE_BASE + "another-account", "Answer for another account", 502,
        SafeText.oneLine(call + " answered with account " + account.path("id").asString()
            + " of external_reference " + reference.stringValue() + ", not this command's "
            + command.externalReference() + "; asked again", 300), null);
  }

  static Problem problemOf(ApiOutcome outcome) {
    if (outcome instanceof ApiOutcome.Rejected rejected) {
      return rejected.problem();
    }
    if (outcome instanceof ApiOutcome.Conflict conflict) {
      return conflict.problem();
    }
    if (outcome instanceof ApiOutcome.Transient failure) {
      return failure.problem();
    }
    if (outcome instanceof ApiOutcome.NotAuthorized denied) {
      return denied.problem();
    }
    return Problem.of("unexpected", "Unexpected success", 200, null);
  }
}

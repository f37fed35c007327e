package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;

/** Small shared helpers over outcomes. */
final class Steps {

  private Steps() {
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

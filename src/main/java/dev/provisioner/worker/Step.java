package dev.provisioner.worker;

import dev.provisioner.accounts.ApiOutcome;

/** The result of one try at a command: done, or worth another try after a back-off. */
sealed interface Step {

  record Done(Outcome outcome) implements Step {
  }

  /** Another try may help; {@code cause} is what this try got, and what a give-up reports. */
  record TryAgain(ApiOutcome cause) implements Step {
  }
}

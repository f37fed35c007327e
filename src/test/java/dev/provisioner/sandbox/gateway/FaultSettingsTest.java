package dev.provisioner.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

  @Test
  void aRateOutsideZeroToOneFailsNamingTheSettingAndTheValue() {
    assertThatThrownBy(() -> new FaultSettings(0, 0, 1.5, 500, 1, 0,
        FaultSettings.DuplicateMode.STATUS, 502, 0, false, ""))
        .hasMessage("failure_rate must be between 0 and 1, but was 1.5");
  }

  @Test
  void aJitterOverAnHourFailsInsteadOfOverflowingOnEveryRequest() {
    assertThatThrownBy(() -> new FaultSettings(0, Long.MAX_VALUE, 0, 500, 1, 0,
        FaultSettings.DuplicateMode.STATUS, 502, 0, false, ""))
        .hasMessage("jitter_ms must be between 0 and 3600000 (an hour), but was " + Long.MAX_VALUE);
  }

  @Test
  void aBadStartUpSettingStopsTheSandboxFromStartingNamingIt() {
    assertThatThrownBy(() -> Sandbox.start("--sandbox.faults.duplicate-status=404"))
        .rootCause().hasMessageContaining("duplicate_status must be one of [500, 502, 503, 504], but was 404");
  }

  @Test
  void aConflictTypeMustBeAFragmentOfLowerCaseLettersDigitsAndHyphens() {
    assertThatThrownBy(() -> new FaultSettings(0, 0, 0, 500, 1, 0,
        FaultSettings.DuplicateMode.STATUS, 502, 0, false, "Conflict!"))
        .hasMessage("conflict_type must be empty (the sandbox's own types) or 1 to 64 characters of"
            + " [a-z0-9-], but was Conflict!");
  }
}

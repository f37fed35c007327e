package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of server.port accepted at start: a port a server can listen on, and nothing else. */
class ServerPortCheckTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "8081", "65535"})
  void aPortInRangeIsAccepted(String value) {
    // When
    String problem = ServerPortCheck.problem(value);

    // Then
    assertThat(problem).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"99999", "65536", "-1", "abc", ""})
  void anythingElseIsRefusedNamingTheSettingTheRangeAndTheValue(String value) {
    // When
    String problem = ServerPortCheck.problem(value);

    // Then
    assertThat(problem).isEqualTo("server.port must be a whole number between 0 and 65535 "
        + "(0: any free port), but was '" + value + "'");
  }
}

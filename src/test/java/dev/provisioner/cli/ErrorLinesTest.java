package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.provisioner.worker.WorkerSettings;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.web.server.PortInUseException;
import reactor.netty.ChannelBindException;

/** The one line said for a failure, from the cause that names the setting or port. */
class ErrorLinesTest {

  @Test
  void aValueSpringBootCannotConvertIsNamedWithItsTypeAndValue() {
    // Given a start that failed because a property did not convert
    Throwable failure = new IllegalStateException("context failed", bindFailure(
        "provisioner.worker.in-flight", "abc", Bindable.of(int.class)));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.worker.in-flight must be a valid int, but was 'abc'");
  }

  @Test
  void theValueOfASettingNamedLikeASecretIsNotShown() {
    // Given
    Throwable failure = bindFailure("spring.kafka.ssl.key-password", "hunter2", Bindable.of(int.class));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("spring.kafka.ssl.key-password must be a valid int (the value is not shown)");
  }

  @Test
  void aSettingsRecordThatRefusesAValueIsQuotedAsItNamesTheSetting() {
    // Given WorkerSettings.Processing refusing in-flight 0 while it is bound
    Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(
        Map.of("provisioner.worker.in-flight", "0"))).bind("provisioner.worker",
        Bindable.of(WorkerSettings.Processing.class)));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.worker.in-flight must be at least 1, but was 0");
  }

  @Test
  void theWebServersPortInUseNamesServerPortAndThePort() {
    // Given
    Throwable failure = new IllegalStateException("start failed",
        new PortInUseException(8081, new java.net.BindException("Address already in use")));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line)
        .isEqualTo("server.port 8081 is already in use; choose another port or stop what uses it");
  }

  @Test
  void aBindThatFailsForAnotherReasonSaysWhereAndWhy() {
    // Given a port below 1024 refused to a user that may not take it
    Throwable failure = new IllegalStateException("start failed", ChannelBindException.fail(
        new InetSocketAddress("0.0.0.0", 80), new java.net.BindException("Permission denied")));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("cannot listen on port 80 on 0.0.0.0: Permission denied");
  }

  @Test
  void anyOtherFailureIsTheFirstLineOfItsDeepestCause() {
    // Given
    Throwable failure = new IllegalStateException("outer", new RuntimeException("middle",
        new IllegalArgumentException("provisioner.api.key is required\nmore detail")));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.api.key is required");
  }

  private static Throwable bindFailure(String name, String value, Bindable<?> target) {
    return catchThrowable(() -> new Binder(new MapConfigurationPropertySource(Map.of(name, value)))
        .bind(name, target));
  }
}

package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.provisioner.sandbox.gateway.FaultSettings;
import dev.provisioner.worker.WorkerSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
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
    assertThat(line).isEqualTo("provisioner.worker.in-flight must be a whole number, but was 'abc'");
  }

  @Test
  void aWholeNumberTooLargeForItsTypeIsToldTheTypesRange() {
    // Given a number that does not fit an int
    Throwable failure = bindFailure("provisioner.worker.in-flight", "99999999999", Bindable.of(int.class));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.worker.in-flight must be a whole number from -2147483648 to "
        + "2147483647, but was '99999999999'");
  }

  @Test
  void theValueOfASettingNamedLikeASecretIsNotShown() {
    // Given
    Throwable failure = bindFailure("spring.kafka.ssl.key-password", "hunter2", Bindable.of(int.class));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("spring.kafka.ssl.key-password must be a whole number (the value is not shown)");
  }

  @Test
  void aUrlThatDoesNotConvertIsShownWithoutItsUserInfoWhichMayHoldTheKey() {
    // Given the API key as the password of a URL Java cannot parse
    Throwable failure = bindFailure("provisioner.api.base-url",
        "https://user:sk_test_4eC39HqLyjWDarjtT1zdp7dc@[::1", Bindable.of(URI.class));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.api.base-url must be a URL, but was 'https://****@[::1'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typesAndWhatTheyAccept")
  void aValueThatDoesNotConvertSaysWhatTheSettingAccepts(Class<?> type, String value, String accepts) {
    // Given
    Throwable failure = bindFailure("some.setting", value, Bindable.of(type));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("some.setting must be " + accepts + ", but was '" + value + "'");
  }

  static Stream<Arguments> typesAndWhatTheyAccept() {
    return Stream.of(
        Arguments.of(Duration.class, "10 minutes", "a duration such as 500ms, 10s, 2m or 24h"),
        Arguments.of(short.class, "40000", "a whole number from -32768 to 32767"),
        Arguments.of(boolean.class, "maybe", "true or false"),
        Arguments.of(double.class, "abc", "a number"),
        Arguments.of(DataSize.class, "abc", "a size such as 512KB or 1MB"),
        Arguments.of(FaultSettings.DuplicateMode.class, "x", "one of status, drop"));
  }

  @Test
  void aValueFromTheEnvironmentIsNamedByItsVariableAsWellAsItsSetting() {
    // Given PROVISIONER_TOPICS_PARTITIONS=abc
    var environment = new SystemEnvironmentPropertySource("systemEnvironment",
        Map.of("PROVISIONER_TOPICS_PARTITIONS", "abc"));
    Throwable failure = catchThrowable(() -> new Binder(ConfigurationPropertySources.from(environment))
        .bind("provisioner.topics.partitions", Bindable.of(int.class)));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("environment variable PROVISIONER_TOPICS_PARTITIONS (provisioner.topics.partitions) "
        + "must be a whole number, but was 'abc'");
  }

  @Test
  void theValueOfABooleanNamedLikeASecretIsShownForItCannotBeOne() {
    // Given
    Throwable failure = bindFailure("provisioner.api.allow-live-key", "maybe", Bindable.of(boolean.class));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("provisioner.api.allow-live-key must be true or false, but was 'maybe'");
  }

  @Test
  void aRecordSharedWithAJsonApiIsNamedAsTheSettingNotAsTheJsonField() {
    // Given FaultSettings, which names its fields as the admin API's JSON does, refusing -1
    Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(
        Map.of("sandbox.faults.latency-ms", "-1"))).bind("sandbox.faults", Bindable.of(FaultSettings.class)));

    // When
    String line = ErrorLines.describe(failure);

    // Then
    assertThat(line).isEqualTo("sandbox.faults.latency-ms must be between 0 and 3600000 (an hour), but was -1");
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

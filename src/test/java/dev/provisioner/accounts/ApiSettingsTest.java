package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ApiSettingsTest {

  static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final URI BASE = URI.create("https://api.momentco.io");
  static final Duration SECOND = Duration.ofSeconds(1);

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource({"sk_test_abc, sk_test_****", "sk_abc, sk_****", "pk_test_abc, pk_test_****",
      "whatever, ****"})
  void masksTheKeyInItsTextKeepingOnlyTheWellKnownPrefix(String key, String masked) {
    // When
    var settings = new ApiSettings(BASE, key, SECOND, SECOND);
    // Then
    assertThat(settings.toString()).contains("apiKey=" + masked).doesNotContain(key + ",");
    assertThat(settings.maskedKey()).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ftp://api.momentco.io, provisioner.api.base-url",
      "api.momentco.io/billing, provisioner.api.base-url",
      "https://api.momentco.io?x=1, provisioner.api.base-url"})
  void refusesABaseUrlThatIsNotAnAbsoluteWebUrl(String url, String setting) {
    assertThatThrownBy(() -> new ApiSettings(URI.create(url), KEY, SECOND, SECOND))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(setting);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://" + KEY + "@api_moment.io, https://****@api_moment.io",
      "https://user:" + KEY + "@api_moment.io:443/v1, https://****@api_moment.io:443/v1",
      "https:user:" + KEY + "@api.momentco.io, https:****@api.momentco.io",
      KEY + "@api.momentco.io, ****@api.momentco.io",
      "ftp://api.momentco.io/v1?api_key=" + KEY + ", ftp://api.momentco.io/v1?****",
      "https://api_moment.io/v1#" + KEY + ", https://api_moment.io/v1#****"})
  void aBaseUrlItRefusesIsShownWithoutItsUserInfoQueryOrFragmentWhichMayHoldTheKey(String url, String shown) {
    // Given the key in the user info, query or fragment of a URL without a host Java can read (an
    // underscore in it), without a scheme, or with a scheme other than http(s)
    // When
    Throwable failure = catchThrowable(() -> new ApiSettings(URI.create(url), KEY, SECOND, SECOND));

    // Then
    assertThat(failure).hasMessage("provisioner.api.base-url must be an absolute http or https URL, "
        + "but was '" + shown + "'");
  }

  @Test
  void refusesABlankOrMalformedKeyWithoutShowingIt() {
    assertThatThrownBy(() -> new ApiSettings(BASE, "  ", SECOND, SECOND))
        .hasMessageStartingWith("provisioner.api.key is required");
    assertThatThrownBy(() -> new ApiSettings(BASE, KEY + "\r\nX-Evil: 1", SECOND, SECOND))
        .hasMessageStartingWith("provisioner.api.key").message().doesNotContain(KEY);
  }

  @Test
  void refusesAKeyTooLongForAnyServersHeadersWithoutShowingIt() {
    String file = "sk_test_" + "x".repeat(70_000);

    assertThatThrownBy(() -> new ApiSettings(BASE, file, SECOND, SECOND))
        .hasMessage("provisioner.api.key must be at most 2048 characters, but has 70008 (the value"
            + " is not shown)");
    assertThat(new ApiSettings(BASE, "sk_test_" + "x".repeat(2_040), SECOND, SECOND).apiKey())
        .hasSize(2_048);
  }

  @Test
  void refusesAKeyGivenTwiceWhichSpringBootJoinsWithACommaWithoutShowingIt() {
    // Given --provisioner.api.key=sk_test_... and again --provisioner.api.key=sk_live_...
    String joined = "sk_test_firstKey1,sk_live_secondKey2";

    // Then
    assertThatThrownBy(() -> new ApiSettings(BASE, joined, SECOND, SECOND))
        .hasMessage("provisioner.api.key must be one key, but has a comma: was it given twice? (the value is not shown)");
  }

  @Test
  void refusesATimeoutThatIsNotPositive() {
    assertThatThrownBy(() -> new ApiSettings(BASE, KEY, Duration.ZERO, SECOND))
        .hasMessage("provisioner.api.connect-timeout must be a positive duration of at most 1d (e.g. "
            + "500ms, 10s, 2m), but was 0s");
    assertThatThrownBy(() -> new ApiSettings(BASE, KEY, SECOND, Duration.ofSeconds(-1)))
        .hasMessageStartingWith("provisioner.api.request-timeout");
  }

  @Test
  void refusesATimeoutOverADayWhichWouldOverflowAsMilliseconds() {
    // Given 99999999999999d, which binds, and then overflowed as the client's milliseconds
    Duration huge = Duration.ofDays(99_999_999_999_999L);

    // Then
    assertThatThrownBy(() -> new ApiSettings(BASE, KEY, huge, SECOND))
        .hasMessage("provisioner.api.connect-timeout must be a positive duration of at most 1d (e.g. "
            + "500ms, 10s, 2m), but was 99999999999999d");
  }

  @Test
  void bindsFromProvisionerApiPropertiesWithDefaultTimeouts() {
    new ApplicationContextRunner().withUserConfiguration(Binding.class)
        .withPropertyValues("provisioner.api.base-url=http://localhost:8090",
            "provisioner.api.key=" + KEY)
        .run(context -> {
          ApiSettings settings = context.getBean(ApiSettings.class);
          assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8090"));
          assertThat(settings.apiKey()).isEqualTo(KEY);
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
  }

  @Test
  void failsToBindWithoutAKeyNamingTheSetting() {
    new ApplicationContextRunner().withUserConfiguration(Binding.class)
        .withPropertyValues("provisioner.api.base-url=http://localhost:8090")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageStartingWith("provisioner.api.key is required"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ApiSettings.class)
  static class Binding {
  }
}

package dev.provisioner.accounts;

import dev.provisioner.runtime.DurationSettings;
import dev.provisioner.runtime.UrlText;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How to reach Moment's API: base URL, secret key and timeouts, bound from {@code provisioner.api.*}.
 *
 * <p>Validated when built: a bad value fails with a message naming the setting. The key never
 * appears in a message or in {@link #toString()}, which masks it ({@code sk_test_****}), nor does
 * a base URL's user info, query or fragment, which may hold it ({@code https://****@host},
 * {@code https://host?****}).
 *
 * @param baseUrl absolute {@code http} or {@code https} URL, e.g. {@code https://api.momentco.io};
 *     a path prefix is kept ({@code http://host/api} calls {@code http://host/api/billing/accounts})
 * @param apiKey the secret key ({@code provisioner.api.key}) sent as {@code Authorization: Bearer <key>}
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for a whole response once the request is sent
 */
@ConfigurationProperties(prefix = "provisioner.api")
public record ApiSettings(URI baseUrl, @Name("key") String apiKey,
    @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout) {

  /** Visible ASCII only: anything else could not travel in a header (or would inject one). */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");
  /**
   * Moment's keys are about a hundred characters; a far longer one is a mistake (a file's content
   * given as the key, say), and servers refuse headers of about 8 KiB (431) for every call.
   */
  static final int MAX_KEY_LENGTH = 2_048;
  private static final Pattern KEY_PREFIX = Pattern.compile("^(sk|pk|rk)_(test_)?");

  public ApiSettings {
    requireBaseUrl(baseUrl);
    requireKey(apiKey);
    DurationSettings.requirePositive("provisioner.api.connect-timeout", connectTimeout, DurationSettings.A_DAY);
    DurationSettings.requirePositive("provisioner.api.request-timeout", requestTimeout, DurationSettings.A_DAY);
  }

  /** The key with everything but its well-known prefix hidden: {@code sk_test_****}. */
  public String maskedKey() {
    return mask(apiKey);
  }

  /** {@code key} with everything but its well-known prefix hidden: {@code sk_test_****}. */
  public static String mask(String key) {
    var prefix = KEY_PREFIX.matcher(key);
    return (prefix.find() ? prefix.group() : "") + "****";
  }

  /** {@code text} with every occurrence of the key replaced by {@link #maskedKey()}. */
  String redact(String text) {
    return text.contains(apiKey) ? text.replace(apiKey, maskedKey()) : text;
  }

  @Override
  public String toString() {
    return "ApiSettings[baseUrl=" + baseUrl + ", apiKey=" + maskedKey() + ", connectTimeout="
        + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
  }

  private static void requireBaseUrl(@Nullable URI url) {
    if (url == null) {
      throw new IllegalArgumentException("provisioner.api.base-url is required");
    }
    String scheme = url.getScheme();
    boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!url.isAbsolute() || !web || url.getHost() == null) {
      throw new IllegalArgumentException("provisioner.api.base-url must be an absolute http or "
          + "https URL, but was '" + UrlText.masked(url.toString()) + "'");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("provisioner.api.base-url must have no user info, query "
          + "or fragment, but was '" + url.getScheme() + "://" + url.getHost() + "...'");
    }
  }

  private static void requireKey(@Nullable String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("provisioner.api.key is required (a Moment secret key, "
          + "sk_test_... in test mode)");
    }
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("provisioner.api.key must be visible ASCII without "
          + "spaces (the value is not shown)");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("provisioner.api.key must be at most " + MAX_KEY_LENGTH
          + " characters, but has " + key.length() + " (the value is not shown)");
    }
    if (key.contains(",")) {
      // Spring Boot joins a property given twice with a comma: "sk_test_a,sk_live_b" would pass
      // for a test key and then be refused by the API.
      throw new IllegalArgumentException("provisioner.api.key must be one key, but has a comma: "
          + "was it given twice? (the value is not shown)");
    }
  }
}

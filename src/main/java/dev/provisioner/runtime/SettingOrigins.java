package dev.provisioner.runtime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where a setting came from, so that a message names it as the user gave it: a setting given as
 * {@code PROVISIONER_TOPICS_PARTITIONS=abc} is named by that variable, not only by its property.
 */
public final class SettingOrigins {

  private SettingOrigins() {
  }

  /** The name of the environment variable {@code origin} points to, or null when it is none. */
  public static @Nullable String environmentVariable(@Nullable Origin origin) {
    if (origin instanceof SystemEnvironmentOrigin env) {
      return env.getProperty();
    }
    if (origin instanceof PropertySourceOrigin from) {
      return from.getPropertySource() instanceof SystemEnvironmentPropertySource
          ? from.getPropertyName()
          : environmentVariable(from.getOrigin());
    }
    return null;
  }
}

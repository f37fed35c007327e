package dev.provisioner.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts one of the product's Spring applications from a command's arguments.
 *
 * <p>Arguments are Spring Boot's {@code --name=value} properties; {@code defaults} are the
 * command's own defaults, which any argument overrides.
 *
 * <p>A start that fails is the caller's to report, in one line naming the setting or port (the
 * CLI does); Spring Boot's own report of it, a stack trace on the console, is switched off.
 */
public final class SpringLauncher {

  /** Boot's failure report and the context's warning that repeats it; a setting can turn them on. */
  private static final Map<String, Object> QUIET_FAILURE = Map.of(
      "logging.level.org.springframework.boot.SpringApplication", "OFF",
      "logging.level.org.springframework.boot.diagnostics", "OFF",
      "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR",
      "logging.level.org.springframework.boot.web.server.reactive.context", "ERROR");

  private SpringLauncher() {
  }

  /** @param initializers run on the context before its configuration is read */
  public static ConfigurableApplicationContext start(Class<?> application, WebApplicationType type,
      Map<String, Object> defaults, List<String> args,
      ApplicationContextInitializer<?>... initializers) {
    Map<String, Object> properties = new HashMap<>(QUIET_FAILURE);
    properties.putAll(defaults);
    AtomicReference<@Nullable ConfigurableEnvironment> read = new AtomicReference<>();
    ApplicationListener<ApplicationEnvironmentPreparedEvent> keep = event -> read.set(event.getEnvironment());
    try {
      return new SpringApplicationBuilder(application)
          .web(type)
          .bannerMode(Banner.Mode.OFF)
          .properties(properties)
          .listeners(keep, new RepeatedOptionCheck(), new LogFormatCheck(), new ServerPortCheck(),
              new EmptySettingCheck())
          .initializers(initializers)
          .run(args.toArray(String[]::new));
    } catch (RuntimeException failure) {
      throw SettingNamedAsGiven.of(failure, read.get());
    }
  }

  /** The arguments with {@code --short=value} options renamed to Spring property names. */
  public static List<String> rename(List<String> args, Map<String, String> aliases) {
    List<String> renamed = new ArrayList<>(args.size());
    for (String arg : args) {
      String result = arg;
      for (Map.Entry<String, String> alias : aliases.entrySet()) {
        String prefix = "--" + alias.getKey() + "=";
        if (arg.startsWith(prefix)) {
          result = "--" + alias.getValue() + "=" + arg.substring(prefix.length());
        }
      }
      renamed.add(result);
    }
    return renamed;
  }
}

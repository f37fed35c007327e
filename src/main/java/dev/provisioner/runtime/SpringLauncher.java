package dev.provisioner.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one of the product's Spring applications from a command's arguments.
 *
 * <p>Arguments are Spring Boot's {@code --name=value} properties; {@code defaults} are the
 * command's own defaults, which any argument overrides.
 */
public final class SpringLauncher {

  private SpringLauncher() {
  }

  /** @param initializers run on the context before its configuration is read */
  public static ConfigurableApplicationContext start(Class<?> application, WebApplicationType type,
      Map<String, Object> defaults, List<String> args,
      ApplicationContextInitializer<?>... initializers) {
    return new SpringApplicationBuilder(application)
        .web(type)
        .bannerMode(Banner.Mode.OFF)
        .properties(defaults)
        .initializers(initializers)
        .run(args.toArray(String[]::new));
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

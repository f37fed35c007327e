package dev.provisioner.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses an option given more than once on the command line ({@code --spring.kafka.consumer.group-id=g1
 * --spring.kafka.consumer.group-id=g2}).
 *
 * <p>Spring Boot joins the values of a repeated option with commas into one: the worker above
 * joined the group {@code g1,g2} without a word, and {@code --server.port=8081 --server.port=8082}
 * was refused as {@code '8081,8082'}, which reads as a typing error. A list setting takes its commas
 * in one value. The line names the option, never its values: one may be a secret.
 */
final class RepeatedOptionCheck implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    problem(event.getArgs()).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /**
   * Once the logging system is set up, so that the start's failure is this line alone (not Spring
   * Boot's report with a stack trace), and before the checks of single values, which would see
   * the joined one.
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Why the first option given more than once cannot be, if one is. */
  static Optional<String> problem(String... args) {
    Map<String, Integer> given = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.length() > 2) {
        int equals = arg.indexOf('=');
        given.merge(equals < 0 ? arg.substring(2) : arg.substring(2, equals), 1, Integer::sum);
      }
    }
    return given.entrySet().stream().filter(option -> option.getValue() > 1).findFirst()
        .map(option -> "--" + option.getKey() + " is given " + option.getValue() + " times: give it once "
            + "(Spring Boot would join the values into one, with commas; a setting that takes a list "
            + "takes them in one value)");
  }
}

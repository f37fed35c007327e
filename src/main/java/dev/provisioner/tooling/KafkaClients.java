package dev.provisioner.tooling;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The Kafka client settings of an operator command ({@code submit}, {@code dlt}): the broker, and
 * whatever {@code --spring.kafka.*} adds (security protocol, SASL, TLS, any client property under
 * {@code spring.kafka.properties.*}), read by Spring Boot's {@link KafkaProperties} as the worker
 * reads them. So the settings that take the worker to a secured broker take the tools there too.
 *
 * <p>Each client gets the settings of its kind ({@code spring.kafka.consumer.*} and so on, over
 * the common ones), then the broker, then the command's own fixed settings, which win.
 */
public final class KafkaClients {

  private static final String PREFIX = "--spring.kafka.";

  private final String bootstrapServers;
  private final KafkaProperties properties;

  private KafkaClients(String bootstrapServers, KafkaProperties properties) {
    this.bootstrapServers = bootstrapServers;
    this.properties = properties;
  }

  /** The broker alone, without further settings. */
  public static KafkaClients of(String bootstrapServers) {
    return new KafkaClients(bootstrapServers, new KafkaProperties());
  }

  /**
   * @param springArgs {@code --spring.kafka.<name>=<value>} arguments
   * @throws IllegalArgumentException for an argument that is not one; it names the option but
   *     never shows a value, which may be a password
   * @throws org.springframework.boot.context.properties.bind.BindException for a value of the
   *     wrong type, naming the setting
   */
  public static KafkaClients of(String bootstrapServers, List<String> springArgs) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String arg : springArgs) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument (not shown): options are --name=value");
      }
      if (arg.startsWith(PREFIX) && equals < 0) {
        throw new IllegalArgumentException(arg + " needs its value after '=': " + arg + "=<value>");
      }
      if (!arg.startsWith(PREFIX)) {
        String name = equals < 0 ? arg : arg.substring(0, equals);
        throw new IllegalArgumentException("unknown option " + name + " (Kafka client settings are "
            + PREFIX + "<name>=<value>)");
      }
      settings.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    KafkaProperties properties = new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("spring.kafka", KafkaProperties.class);
    return new KafkaClients(bootstrapServers, properties);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A consumer's configuration: the settings, the broker, then {@code own}. */
  public Map<String, Object> consumer(Map<String, Object> own) {
    return merge(properties.buildConsumerProperties(), own);
  }

  /** A producer's configuration: the settings, the broker, then {@code own}. */
  public Map<String, Object> producer(Map<String, Object> own) {
    return merge(properties.buildProducerProperties(), own);
  }

  /** An admin client's configuration: the settings, the broker, then {@code own}. */
  public Map<String, Object> admin(Map<String, Object> own) {
    return merge(properties.buildAdminProperties(), own);
  }

  private Map<String, Object> merge(Map<String, Object> settings, Map<String, Object> own) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.putAll(own);
    return config;
  }
}

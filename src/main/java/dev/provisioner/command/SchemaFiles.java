package dev.provisioner.command;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Loads the contract's JSON Schemas from the classpath ({@code schemas/}, where the build copies
 * the repository's {@code schemas/} directory), so the worker checks exactly what users read.
 */
final class SchemaFiles {

  static final String COMMAND = "schemas/account-command.schema.json";
  static final String REPLY = "schemas/account-reply.schema.json";

  private SchemaFiles() {
  }

  /** The schema at a classpath location, fully initialized (and then safe to share). */
  static Schema load(String location) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .locale(Locale.ROOT)
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(false)
        .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config));
    try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("schema not on the classpath: " + location);
      }
      Schema schema = registry.getSchema(in);
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + location, e);
    }
  }
}

package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.provisioner.command.ParseResult.Invalid;
import dev.provisioner.command.ParseResult.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every file in {@code schemas/examples} is checked against the schema its name points to. */
class SchemaExamplesTest {

  private static final Path EXAMPLES = Path.of("schemas", "examples");
  private static final Schema COMMAND = SchemaFiles.load(SchemaFiles.COMMAND);
  private static final Schema REPLY = SchemaFiles.load(SchemaFiles.REPLY);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static Stream<Path> commandExamples() throws IOException {
    return examples().filter(file -> name(file).startsWith("command-"));
  }

  static Stream<Path> invalidCommandExamples() throws IOException {
    return commandExamples().filter(file -> name(file).contains("-invalid-"));
  }

  @Test
  void holdsAtLeastFiveExamplesOfEachKind() throws IOException {
    // When
    List<String> names = examples().map(SchemaExamplesTest::name).toList();

    // Then
    for (String kind : List.of("command-valid-", "command-invalid-", "reply-valid-",
        "reply-invalid-")) {
      assertThat(names).filteredOn(name -> name.startsWith(kind)).as(kind).hasSizeGreaterThan(4);
    }
    assertThat(names).allMatch(name -> name.matches("(command|reply)-(valid|invalid)-.+\\.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validExamplesPassAndInvalidOnesFailTheirSchema(Path file) throws IOException {
    // Given
    Schema schema = name(file).startsWith("command-") ? COMMAND : REPLY;

    // When
    List<Error> errors = schema.validate(MAPPER.readTree(Files.readAllBytes(file)));

    // Then
    if (name(file).contains("-valid-")) {
      assertThat(errors).isEmpty();
    } else {
      assertThat(errors).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCommandExamples")
  void everyInvalidCommandExampleBreaksTheSchemaInOnePlaceOnly(Path file) throws IOException {
    // When
    List<Error> errors = COMMAND.validate(MAPPER.readTree(Files.readAllBytes(file)));

    // Then one place, so that the example shows the rule its name says and no other (a validator
    // that misses that rule, as JavaScript's doubles miss the int64 bound, must not pass it
    // for another reason)
    assertThat(errors.stream().map(error -> error.getInstanceLocation() + " " + error.getProperty())
        .distinct()).as(errors.toString()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandExamples")
  void theParserAgreesWithTheSchemaOnEveryCommandExample(Path file) throws IOException {
    // Given a message-id header, for the examples that carry no message_id field
    CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

    // When
    ParseResult result = parser.parse(Files.readAllBytes(file), Map.of("message-id", "header-id"));

    // Then
    if (name(file).contains("-valid-")) {
      assertThat(result).isInstanceOf(Parsed.class);
    } else {
      assertThat(result).isInstanceOfSatisfying(Invalid.class,
          invalid -> assertThat(invalid.reason()).isEqualTo(InvalidReason.SCHEMA_VIOLATION));
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}

package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code schemas/asyncapi.yaml} describes the topics, messages and headers the code uses. */
class AsyncApiTest {

  private static final Path SCHEMAS = Path.of("schemas");
  private static final JsonNode DOC =
      YAMLMapper.builder().build().readTree(SCHEMAS.resolve("asyncapi.yaml").toFile());

  @Test
  void isAnAsyncApi3DocumentWithTheThreeTopics() {
    // When
    List<String> addresses = new ArrayList<>();
    DOC.get("channels").forEach(channel -> addresses.add(channel.get("address").stringValue()));

    // Then
    assertThat(DOC.get("asyncapi").stringValue()).isEqualTo("3.0.0");
    assertThat(addresses)
        .containsExactly("account-commands", "account-replies", "account-commands-dlt");
  }

  @Test
  void receivesCommandsAndSendsRepliesAndDeadLetters() {
    // When
    JsonNode operations = DOC.get("operations");

    // Then
    assertThat(operations.at("/receiveCommands/action").stringValue()).isEqualTo("receive");
    assertThat(operations.at("/receiveCommands/channel/$ref").stringValue())
        .isEqualTo("#/channels/accountCommands");
    assertThat(operations.at("/sendReplies/action").stringValue()).isEqualTo("send");
    assertThat(operations.at("/sendReplies/channel/$ref").stringValue())
        .isEqualTo("#/channels/accountReplies");
    assertThat(operations.at("/sendDeadLetters/action").stringValue()).isEqualTo("send");
    assertThat(operations.at("/sendDeadLetters/channel/$ref").stringValue())
        .isEqualTo("#/channels/accountCommandsDlt");
  }

  @Test
  void resolvesEveryReferenceInsideTheDocumentOrToASchemaFileThatExists() {
    // Given
    List<String> refs = new ArrayList<>();
    collectRefs(DOC, refs);

    // Then
    assertThat(refs).contains("./account-command.schema.json", "./account-reply.schema.json");
    for (String ref : refs) {
      if (ref.startsWith("#/")) {
        assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
      } else {
        assertThat(SCHEMAS.resolve(ref).normalize()).as(ref).satisfies(
            file -> assertThat(Files.isRegularFile(file)).isTrue());
      }
    }
  }

  @Test
  void documentsTheHeadersTheCodeReadsAndWrites() {
    // When
    JsonNode command = DOC.at("/components/schemas/commandHeaders/properties");
    JsonNode reply = DOC.at("/components/schemas/replyHeaders/properties");
    JsonNode deadLetter = DOC.at("/components/schemas/deadLetterHeaders/properties");

    // Then
    assertThat(command.propertyNames()).contains(MessageHeaders.MESSAGE_ID, MessageHeaders.CE_ID,
        MessageHeaders.REPLY_TOPIC, MessageHeaders.CORRELATION_ID);
    assertThat(reply.propertyNames())
        .contains(MessageHeaders.MESSAGE_ID, MessageHeaders.CORRELATION_ID);
    assertThat(deadLetter.propertyNames()).contains(MessageHeaders.MESSAGE_ID,
        KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION,
        KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
        KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
        KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
        KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
  }

  @Test
  void namesTheHeadersAsSpringKafkaAndCloudEventsDo() {
    assertThat(MessageHeaders.MESSAGE_ID).isEqualTo("message-id");
    assertThat(MessageHeaders.CE_ID).isEqualTo("ce_id");
    assertThat(MessageHeaders.REPLY_TOPIC).isEqualTo("kafka_replyTopic");
    assertThat(MessageHeaders.CORRELATION_ID).isEqualTo("kafka_correlationId");
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").stringValue());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}

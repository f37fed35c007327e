package dev.provisioner.command;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Names of the record headers the contract uses. Reply routing and dead-letter headers are
 * spring-kafka's own conventions, so any spring-kafka client interoperates unchanged.
 */
public final class MessageHeaders {

  /** The command's message ID when the value has no {@code message_id}; also set on replies. */
  public static final String MESSAGE_ID = "message-id";

  /** The CloudEvents binary-mode ID, the last place a message ID is looked for. */
  public static final String CE_ID = "ce_id";

  /** Where to send the reply instead of the default replies topic. */
  public static final String REPLY_TOPIC = KafkaHeaders.REPLY_TOPIC;

  /** Echoed unchanged on the reply so a requester can match it. */
  public static final String CORRELATION_ID = KafkaHeaders.CORRELATION_ID;

  /**
   * On a dead letter whose value was left out because the record would be too large to publish;
   * says how large the value was and where the original is. Such a dead letter is not replayed.
   */
  public static final String DLT_VALUE_OMITTED = "provisioner-dlt-value-omitted";

  private MessageHeaders() {
  }
}

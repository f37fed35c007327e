package dev.provisioner.worker;

import dev.provisioner.command.MessageHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * One record a {@link Scenario} sends to the commands topic.
 *
 * @param kind what the record is for
 * @param key the record's key
 * @param value the record's value
 * @param messageId the message ID its reply carries; null for a record that gets no reply
 * @param headerMessageId the {@code message-id} header sent with it, when any
 * @param reference the {@code external_reference} in its value, when any
 * @param balance the account balance it asks for (valid commands)
 */
record ScenarioRecord(Kind kind, String key, String value, @Nullable String messageId,
    @Nullable String headerMessageId, @Nullable String reference, long balance) {

  /** What a scenario record tests. */
  enum Kind {
    /** A new account under a new message ID. */
    FRESH(true),
    /** A record sent again as it was: a producer retry. */
    PRODUCER_RETRY(true),
    /** A FRESH record's reference and body under another message ID. */
    TAKEN_SAME(true),
    /** A FRESH record's reference with another balance, under another message ID. */
    TAKEN_OTHER(true),
    /** A FRESH record's message ID with another reference, on another key. */
    REUSED_ID(true),
    /** A new account with a new customer that the next record of its key uses. */
    CHAIN_CUSTOMER(true),
    /** An account for the customer the previous record of its key created. */
    CHAIN_ACCOUNT(true),
    /** Not JSON; with a {@code message-id} header half of the time. */
    NOT_JSON(false),
    /** A message ID and a currency the schema refuses. */
    SCHEMA_VIOLATION(false),
    /** A valid account but no message ID anywhere. */
    NO_MESSAGE_ID(false);

    final boolean valid;

    Kind(boolean valid) {
      this.valid = valid;
    }
  }

  /** The value of a valid command: a new customer, or an existing one by {@code customerReference}. */
  static String command(String messageId, String reference, long balance, String customer) {
    return """
        {"message_id": "%s", "account": {"external_reference": "%s", "name": "Invariant Account",
         "currency": "ZAR", "balance": %d, "customer": %s, "metadata": {"plan": "monthly"}}}"""
        .formatted(messageId, reference, balance, customer);
  }

  /** A new customer object for {@link #command}. */
  static String newCustomer(String customerReference) {
    return "{\"external_reference\": \"" + customerReference + "\", \"name\": \"Ada\"}";
  }

  /** This record sent again, as a producer retry does. */
  ScenarioRecord again() {
    return new ScenarioRecord(Kind.PRODUCER_RETRY, key, value, messageId, headerMessageId, reference, balance);
  }

  ProducerRecord<byte[], byte[]> toRecord(String topic) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
    if (headerMessageId != null) {
      record.headers().add(MessageHeaders.MESSAGE_ID, headerMessageId.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  @Override
  public String toString() {
    return kind + " key=" + key + (messageId == null ? "" : " id=" + messageId)
        + (reference == null ? "" : " ref=" + reference) + (kind.valid ? " balance=" + balance : "");
  }
}

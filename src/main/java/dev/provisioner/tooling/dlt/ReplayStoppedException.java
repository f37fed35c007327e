package dev.provisioner.tooling.dlt;

/**
 * A replay stopped at a dead letter the broker would not take back: the message says which one,
 * why, and that progress is committed up to it, so the operator knows where a rerun starts.
 */
public final class ReplayStoppedException extends RuntimeException {

  private static final String RERUN = "; the dead letters before it are re-published and"
      + " committed, and running the replay again starts from it";

  ReplayStoppedException(DeadLetter letter, String topic, RuntimeException refused) {
    super(cannot(letter, topic, refused) + RERUN, refused);
  }

  /** The original topic refused it for good, and the parking topic refused it too. */
  ReplayStoppedException(DeadLetter letter, String topic, RuntimeException refused,
      String parkingTopic, RuntimeException parkingRefused) {
    super(cannot(letter, topic, refused) + ", nor park it on " + Printable.of(parkingTopic) + ": "
        + Printable.of(reason(parkingRefused)) + RERUN, parkingRefused);
  }

  private static String cannot(DeadLetter letter, String topic, RuntimeException refused) {
    return "cannot re-publish the dead letter at partition " + letter.record().partition()
        + " offset " + letter.record().offset() + " (key " + Printable.of(letter.key())
        + ", message-id " + Printable.of(letter.messageId()) + ") to " + Printable.of(topic) + ": "
        + Printable.of(reason(refused));
  }

  /** Kafka's reason, without the "cannot send to TOPIC: " that the message already says. */
  static String reason(RuntimeException refused) {
    Throwable cause = refused.getCause() != null && refused.getCause().getCause() != null
        ? refused.getCause().getCause() : refused;
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}

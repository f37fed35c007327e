package dev.provisioner.tooling.dlt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How many dead letters share one reason, and when the first and last arrived.
 *
 * @param reason the exception's simple class name and the first words of its message
 * @param exception the exception's fully qualified class name
 * @param count records with this reason
 * @param first the earliest record's timestamp
 * @param last the latest record's timestamp
 */
public record ReasonCount(@JsonProperty("reason") String reason,
    @JsonProperty("exception") String exception, @JsonProperty("count") long count,
    @JsonProperty("first") Instant first, @JsonProperty("last") Instant last) {

  ReasonCount add(DeadLetter letter) {
    Instant at = letter.timestamp();
    return new ReasonCount(reason, exception, count + 1, at.isBefore(first) ? at : first,
        at.isAfter(last) ? at : last);
  }

  static ReasonCount of(DeadLetter letter) {
    return new ReasonCount(letter.reason(), letter.exceptionClass(), 1, letter.timestamp(),
        letter.timestamp());
  }
}

package dev.provisioner.tooling.dlt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read-only views of the dead-letter topic: counts by reason, and one record. */
public final class DeadLetters {

  private final DltSettings settings;

  public DeadLetters(DltSettings settings) {
    this.settings = settings;
  }

  /** Counts by reason over the whole topic, most frequent first. */
  public List<ReasonCount> countByReason() {
    Map<String, ReasonCount> counts = new LinkedHashMap<>();
    try (DeadLetterReader reader = reader()) {
      reader.forEach(letter -> {
        counts.merge(letter.reason(), ReasonCount.of(letter), (had, one) -> had.add(letter));
        return true;
      });
    }
    List<ReasonCount> sorted = new ArrayList<>(counts.values());
    sorted.sort(Comparator.comparingLong(ReasonCount::count).reversed()
        .thenComparing(ReasonCount::reason));
    return sorted;
  }

  /** The record at {@code partition}/{@code offset}, if there is one. */
  public Optional<DeadLetter> at(int partition, long offset) {
    List<DeadLetter> found = new ArrayList<>(1);
    try (DeadLetterReader reader = reader()) {
      reader.seekTo(partition, offset);
      reader.forEach(letter -> {
        if (letter.record().offset() == offset) {
          found.add(letter);
        }
        return letter.record().offset() < offset;
      });
    }
    return found.stream().findFirst();
  }

  /**
   * Every record whose {@code message-id} header is {@code messageId}, in the order read: a
   * command dead-lettered again after a replay has several.
   */
  public List<DeadLetter> withMessageId(String messageId) {
    List<DeadLetter> found = new ArrayList<>();
    try (DeadLetterReader reader = reader()) {
      reader.forEach(letter -> {
        if (messageId.equals(letter.messageId())) {
          found.add(letter);
        }
        return true;
      });
    }
    return found;
  }

  private DeadLetterReader reader() {
    return new DeadLetterReader(settings, "account-provisioner-dlt-inspect-" + UUID.randomUUID());
  }
}

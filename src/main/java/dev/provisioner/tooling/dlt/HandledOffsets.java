package dev.provisioner.tooling.dlt;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The offsets of one dead-letter partition that replays handled past a record a filter left,
 * kept in the metadata of the replay group's commit, e.g. {@code handled:120-130,140}. The
 * committed offset itself cannot pass the left record, so without them a later run would re-send
 * those records: no duplicate account (same idempotency key), but another reply to their sender.
 *
 * <p>Bounded by Kafka's {@code offset.metadata.max.bytes} (4,096 by default): past {@link
 * #MAX_METADATA} characters the latest ranges are dropped, and their records are re-sent as
 * before.
 */
final class HandledOffsets {

  static final String PREFIX = "handled:";
  static final int MAX_METADATA = 4_000;
  private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

  /** First offset of each range to its last, inclusive; ranges neither overlap nor touch. */
  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  /** What a commit's metadata says; anything else (another tool's, or none) is nothing handled. */
  static HandledOffsets parse(@Nullable String metadata) {
    HandledOffsets handled = new HandledOffsets();
    if (metadata == null || !metadata.startsWith(PREFIX) || metadata.length() == PREFIX.length()) {
      return handled;
    }
    for (String part : metadata.substring(PREFIX.length()).split(",", -1)) {
      Matcher range = RANGE.matcher(part);
      if (!range.matches()) {
        return new HandledOffsets();
      }
      try {
        long first = Long.parseLong(range.group(1));
        long last = range.group(2) == null ? first : Long.parseLong(range.group(2));
        if (last < first || last == Long.MAX_VALUE) {
          return new HandledOffsets();
        }
        handled.add(first, last);
      } catch (NumberFormatException tooLarge) {
        return new HandledOffsets();
      }
    }
    return handled;
  }

  boolean contains(long offset) {
    Map.Entry<Long, Long> range = ranges.floorEntry(offset);
    return range != null && offset <= range.getValue();
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  void add(long offset) {
    add(offset, offset);
  }

  /** Adds {@code first} to {@code last}, merging the ranges it overlaps or touches. */
  private void add(long first, long last) {
    long start = first;
    long end = last;
    Map.Entry<Long, Long> before = ranges.floorEntry(first);
    if (before != null && before.getValue() >= first - 1) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
      ranges.remove(before.getKey());
    }
    for (Map.Entry<Long, Long> next = ranges.ceilingEntry(start); next != null && next.getKey() <= end + 1;
        next = ranges.ceilingEntry(start)) {
      end = Math.max(end, next.getValue());
      ranges.remove(next.getKey());
    }
    ranges.put(start, end);
  }

  /** The metadata to commit with {@code committed}: the ranges from it on, as many as fit. */
  String metadata(long committed) {
    StringBuilder text = new StringBuilder(PREFIX);
    for (Map.Entry<Long, Long> range : ranges.entrySet()) {
      if (range.getValue() < committed) {
        continue;
      }
      long first = Math.max(range.getKey(), committed);
      String part = first == range.getValue() ? Long.toString(first) : first + "-" + range.getValue();
      if (text.length() + part.length() + 1 > MAX_METADATA) {
        break;
      }
      text.append(text.length() == PREFIX.length() ? "" : ",").append(part);
    }
    return text.length() == PREFIX.length() ? "" : text.toString();
  }
}

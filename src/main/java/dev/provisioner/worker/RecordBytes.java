package dev.provisioner.worker;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

/**
 * The bytes a record's key and headers take, counted as the producer counts them against its
 * request limit (plus a little framing per header). A command's key and headers come back on its
 * reply and its dead letter, so they count as much as its value.
 */
final class RecordBytes {

  /** A header's framing in a record: name and value lengths, more or less. */
  private static final int PER_HEADER = 8;

  private RecordBytes() {
  }

  static long keyAndHeaders(@Nullable Object key, Headers headers) {
    long size = key instanceof byte[] bytes ? bytes.length : 0;
    for (Header header : headers) {
      size += of(header);
    }
    return size;
  }

  static long of(Header header) {
    return Utils.utf8Length(header.key()) + (header.value() == null ? 0 : header.value().length) + PER_HEADER;
  }
}

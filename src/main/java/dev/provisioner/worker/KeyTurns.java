package dev.provisioner.worker;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Whose turn it is among the records of one batch: a record may start once the record before it
 * with the same Kafka key has finished (at once when there is none, or it has no key), and the
 * earliest record that may start goes first.
 *
 * <p>Records waiting for their key hold nothing but their place here, so a key with hundreds of
 * records in a batch runs them one at a time without keeping the records of other keys waiting.
 */
final class KeyTurns {

  private final int[] nextOfKey;
  private final PriorityBlockingQueue<Integer> ready = new PriorityBlockingQueue<>();

  KeyTurns(List<ConsumerRecord<byte[], byte[]>> batch) {
    nextOfKey = new int[batch.size()];
    Arrays.fill(nextOfKey, -1);
    Map<ByteBuffer, Integer> lastOfKey = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      byte[] key = batch.get(i).key();
      Integer before = key == null ? null : lastOfKey.put(ByteBuffer.wrap(key), i);
      if (before == null) {
        ready.add(i);
      } else {
        nextOfKey[before] = i;
      }
    }
  }

  /**
   * Waits until a record may start and returns its index in the batch: the lowest such index.
   * Some record is always ready or running until every record has been taken.
   */
  int next() {
    try {
      return ready.take();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a record's turn", ex);
    }
  }

  /** The record at {@code index} has finished, however it ended: the next of its key may start. */
  void finished(int index) {
    int next = nextOfKey[index];
    if (next >= 0) {
      ready.add(next);
    }
  }
}

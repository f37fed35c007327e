package dev.provisioner.worker;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * What the worker's producer says about a failed send, instead of spring-kafka's default, which
 * logs every failed record as an ERROR with its stack trace. A batch's replies are sent in one
 * transaction; when it fails (a rebalance fenced the consumer, the broker went away), every send
 * of the batch fails with it, and the chaos audit found 300 identical stack traces per rolled-back
 * batch of 300. The rollback itself is reported by the listener container, the health and the
 * metrics ({@link RollbackRecorder}); this adds one WARN line, without stack trace, for a failure,
 * and nothing for further sends failing the same way until a send succeeds.
 */
final class SendFailureLog implements ProducerListener<Object, Object> {

  private static final Logger log = LoggerFactory.getLogger(SendFailureLog.class);

  private final AtomicReference<@Nullable String> lastLogged = new AtomicReference<>();

  @Override
  public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
    if (lastLogged.get() != null) {
      lastLogged.set(null);
    }
  }

  @Override
  public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
    String why = exception.getClass().getSimpleName() + ": " + exception.getMessage();
    if (!why.equals(lastLogged.getAndSet(why))) {
      log.warn("sending to {} failed: {}; the batch's transaction is rolled back and its commands are "
          + "delivered again (further sends failing the same way are not logged)", record.topic(), why);
    }
  }
}

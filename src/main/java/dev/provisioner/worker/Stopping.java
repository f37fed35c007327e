package dev.provisioner.worker;

import java.util.function.BooleanSupplier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Whether the worker has begun to stop (its context is closing). From then on a batch starts no
 * more commands and no API call is made: the batch ends with the calls in flight, commits the
 * commands answered up to the first one that needed another call, and hands the rest to the next
 * worker. Spring waits for that as long as the settings let a call run ({@link ShutdownTimeouts});
 * past its wait, the API client would be closed under the batch, and its commands would end
 * {@code failed} for no fault of theirs.
 */
final class Stopping implements BooleanSupplier {

  private volatile boolean stopping;

  @EventListener
  void onClosing(ContextClosedEvent event) {
    stopping = true;
  }

  @Override
  public boolean getAsBoolean() {
    return stopping;
  }
}

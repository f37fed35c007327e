package dev.provisioner.worker;

import java.util.function.BooleanSupplier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Whether the worker has begun to stop (its context is closing). From then on a batch starts no
 * more commands and no API call is made: the API client is closed once Spring's shutdown phase
 * times out, so a batch still calling it then would end its commands {@code failed} for no fault
 * of theirs. The batch instead ends with the calls in flight: committed when its commands are
 * answered, else rolled back and delivered again to the next worker.
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

package dev.provisioner.runtime;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A failure's cause chain, from the failure itself to its deepest cause, each once. */
public final class Causes {

  private Causes() {
  }

  /** {@code failure}, its cause, that one's cause, and so on; a cause seen already ends the chain. */
  public static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (@Nullable Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }
}

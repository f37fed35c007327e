package dev.provisioner.sandbox.core;

import java.time.Duration;

/** What the front door does with a request: answer it, drop the connection, or hang first. */
public sealed interface Outcome {

  /** Send a complete reply. */
  record Send(Reply reply) implements Outcome {
  }

  /** Close the connection without answering, as a crashed server or a broken proxy would. */
  record Drop() implements Outcome {
  }

  /** Answer nothing for {@code duration}, then close the connection. */
  record Hang(Duration duration) implements Outcome {
  }

  static Outcome send(Reply reply) {
    return new Send(reply);
  }
}

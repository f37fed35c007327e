package dev.provisioner.worker;

import dev.provisioner.command.Reply;
import org.jspecify.annotations.Nullable;

/** How one command record ended: answered with a reply, or dead-lettered (with a reply when it can be answered). */
sealed interface Outcome {

  /** The command was handled: created or rejected. Only the reply is published. */
  record Answered(Reply reply) implements Outcome {
  }

  /** The record goes to the dead-letter topic with its reason; the reply, when there is one, too. */
  record DeadLettered(@Nullable Reply reply, Exception reason) implements Outcome {
  }
}

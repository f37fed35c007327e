package dev.provisioner.command;

import dev.provisioner.accounts.Problem;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The outcome of parsing one command record: a command to process, or why there is none. */
public sealed interface ParseResult {

  /** The record holds a valid command. */
  record Parsed(AccountCommand command) implements ParseResult {
  }

  /**
   * The record cannot be processed.
   *
   * @param reason the kind of defect
   * @param messageId the message ID when one could be resolved, to address a reply
   * @param detail one line naming the field and the rule broken; safe to put in a reply
   */
  record Invalid(InvalidReason reason, @Nullable String messageId, String detail)
      implements ParseResult {

    /** The URI prefix of the types of problems the provisioner itself reports. */
    public static final String TYPE_BASE = "urn:account-provisioner:problem#";

    /**
     * This defect as a 400 problem for a {@code rejected} reply, typed
     * {@code urn:account-provisioner:problem#<reason>}, e.g. {@code ...#schema-violation}.
     */
    public Problem toProblem() {
      String fragment = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
      return new Problem(TYPE_BASE + fragment, "Invalid command", 400, detail, null);
    }
  }
}

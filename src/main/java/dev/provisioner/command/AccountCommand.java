package dev.provisioner.command;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command that passed validation: create one account.
 *
 * @param messageId the resolved message ID (non-blank, at most 255 characters)
 * @param account the Create Account request body, valid per the command schema; send it as is
 */
public record AccountCommand(String messageId, ObjectNode account) {

  public AccountCommand {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(account, "account");
    if (messageId.isBlank()) {
      throw new IllegalArgumentException("messageId must not be blank");
    }
  }

  /** The account's external reference, which the schema requires: the reconciliation anchor. */
  public String externalReference() {
    return account.path("external_reference").asString();
  }
}

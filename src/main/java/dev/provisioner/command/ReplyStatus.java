package dev.provisioner.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome a reply reports; serialized in lower case. */
public enum ReplyStatus {
  /** The account exists: new, replayed by the API, or found by reconciliation. */
  @JsonProperty("created")
  CREATED,
  /** The command or the API said no; replaying will not help. */
  @JsonProperty("rejected")
  REJECTED,
  /** Not completed now; the command went to the dead-letter topic for replay. */
  @JsonProperty("failed")
  FAILED
}

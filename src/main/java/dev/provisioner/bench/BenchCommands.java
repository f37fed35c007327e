package dev.provisioner.bench;

import dev.provisioner.accounts.ApiSettings;
import java.time.Duration;

/**
 * The commands of a run: command {@code seq} has message ID {@code RUN-seq}, key {@code key-(seq
 * mod K)} and its sequence number in the account's metadata, so replies can be put in order.
 */
public final class BenchCommands {

  private BenchCommands() {
  }

  public static String messageId(String run, int seq) {
    return run + "-" + seq;
  }

  /** The sequence number of a message ID of {@code run}, or -1 if it is not one. */
  public static int sequence(String run, String messageId) {
    if (!messageId.startsWith(run + "-")) {
      return -1;
    }
    return Integer.parseInt(messageId.substring(run.length() + 1));
  }

  public static String key(int seq, int keys) {
    return "key-" + (seq % keys);
  }

  /** The Create Account body of command {@code seq}. */
  public static String account(String run, int seq) {
    String ref = messageId(run, seq);
    return """
        {"external_reference": "%s", "name": "Bench Account", "currency": "ZAR", "balance": 2000, \
        "customer": {"external_reference": "cus-%s", "name": "Ada"}, \
        "metadata": {"seq": "%d"}}""".formatted(ref, ref, seq);
  }

  /** The command record's value. */
  public static String command(String run, int seq) {
    return "{\"message_id\": \"" + messageId(run, seq) + "\", \"account\": " + account(run, seq)
        + "}";
  }

  static ApiSettings apiSettings(SutSpec spec) {
    return new ApiSettings(spec.apiUrl(), SutSpec.API_KEY, Duration.ofSeconds(2),
        Duration.ofSeconds(10));
  }
}

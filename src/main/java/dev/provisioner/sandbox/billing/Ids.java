package dev.provisioner.sandbox.billing;

import java.util.concurrent.ThreadLocalRandom;

/** Random resource ids in Moment's shape: a prefix and 24 alphanumerics. */
final class Ids {

  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LENGTH = 24;

  private Ids() {
  }

  static String account() {
    return random("bacc_");
  }

  static String customer() {
    return random("bcus_");
  }

  private static String random(String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
    }
    return id.toString();
  }
}

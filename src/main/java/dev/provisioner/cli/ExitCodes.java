package dev.provisioner.cli;

/** The exit codes of PRODUCT.md, and the marker of a command that keeps serving after it returns. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURES = 1;
  public static final int USAGE = 2;
  /** Returned by a server command whose work goes on in non-daemon threads: do not exit. */
  public static final int KEEP_RUNNING = -1;

  private ExitCodes() {
  }
}

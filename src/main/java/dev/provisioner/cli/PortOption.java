package dev.provisioner.cli;

/**
 * The {@code --port} of the server commands ({@code broker}, {@code sandbox}; {@code dev}'s
 * {@code --broker-port} and {@code --sandbox-port}): a port outside
 * 0-65535 is bad usage named before anything starts. A port in use is reported alike by both
 * ({@link ErrorLines#IN_USE}).
 */
final class PortOption {

  private PortOption() {
  }

  static int checked(int port) {
    return checked("--port", port);
  }

  static int checked(String option, int port) {
    if (port < 0 || port > 65_535) {
      throw new UsageException(option + " must be between 0 and 65535, but was " + port);
    }
    return port;
  }
}

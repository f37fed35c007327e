package dev.provisioner.broker;

/**
 * The local broker could not start: its port is taken, its data directory is locked by another
 * broker or cannot be written, or Kafka refused the configuration. The message is one readable
 * line that names the port or directory.
 */
public class BrokerStartException extends RuntimeException {

  public BrokerStartException(String message) {
    super(message);
  }

  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.provisioner.sandbox.admin;

/** An admin request body or parameter that cannot be used; answered with a 400 naming it. */
final class AdminInputException extends RuntimeException {

  AdminInputException(String message) {
    super(message, null, false, false);
  }
}

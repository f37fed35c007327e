package dev.provisioner.accounts;

/**
 * Problems the client writes itself when Moment gave no usable answer.
 *
 * <p>Their type is {@value #TYPE_BASE}{@code <fragment>}, never Moment's base, so nobody mistakes
 * them for the API's words. Statuses follow what a gateway would answer in our place: 503 when no
 * connection could be made or it broke, 504 when the answer did not come in time, 502 when it
 * could not be read.
 */
final class ClientProblems {

  static final String TYPE_BASE = "urn:account-provisioner:problem#";

  private ClientProblems() {
  }

  static Problem connectionError(String detail) {
    return problem("connection-error", "Connection error", 503, detail);
  }

  static Problem timeout(String detail) {
    return problem("timeout", "Timeout", 504, detail);
  }

  static Problem unreadableResponse(String detail) {
    return problem("unreadable-response", "Unreadable response", 502, detail);
  }

  static Problem unexpectedRedirect(int status, String detail) {
    return problem("unexpected-redirect", "Unexpected redirect", status, detail);
  }

  static Problem clientFailure(String detail) {
    return problem("client-failure", "Client failure", 500, detail);
  }

  private static Problem problem(String fragment, String title, int status, String detail) {
    return new Problem(TYPE_BASE + fragment, title, status, detail, null);
  }
}

package dev.provisioner.accounts;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The client of Moment's accounts API, used on the worker's hot path.
 *
 * <p>Calls never block the calling thread. The futures never complete exceptionally for HTTP or
 * network problems: those are {@link ApiOutcome}s. Arguments that break the contract below throw
 * {@link IllegalArgumentException} at once (a programming error, not an outcome).
 */
public interface AccountsApi {

  /**
   * {@code POST {base}/billing/accounts} with the body, {@code Authorization: Bearer <key>}, the
   * {@code Idempotency-Key}, {@code Content-Type} and {@code Accept: application/json}.
   *
   * @param accountBody the create-account request, a JSON object
   * @param idempotencyKey 1 to 255 characters of {@code [a-zA-Z0-9-]}
   */
  CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey);

  /**
   * {@code GET {base}/billing/accounts/{ref}}, the reference percent-encoded as one path segment
   * (every character but {@code [A-Za-z0-9_~-]}, dots included, so it cannot leave the path).
   *
   * @param accountOrExternalReference a {@code bacc_} id or the merchant's external reference,
   *     not blank
   */
  CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference);
}

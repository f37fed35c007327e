package dev.provisioner.bench;

import dev.provisioner.accounts.AccountsApi;
import dev.provisioner.accounts.ApiOutcome;
import dev.provisioner.accounts.Problem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code worker-no-api} mode's API: answers every create at once, in the caller's thread,
 * with an account shaped like the sandbox's (the request's fields plus {@code id} and {@code
 * object}), so the worker's reply is as large as with the real API. No HTTP, no sandbox: what is
 * left is the cost of Kafka and of the worker's own steps.
 */
final class InstantAccountsApi implements AccountsApi {

  private final AtomicLong ids = new AtomicLong();

  /** Registers one as the worker's {@link AccountsApi}, in place of the Vert.x client. */
  static void register(GenericApplicationContext context) {
    context.registerBean("instantAccountsApi", AccountsApi.class, InstantAccountsApi::new);
  }

  @Override
  public CompletableFuture<ApiOutcome> create(JsonNode accountBody, String idempotencyKey) {
    ObjectNode account = ((ObjectNode) accountBody).deepCopy();
    account.put("id", "bacc_instant" + ids.incrementAndGet());
    account.put("object", "account");
    return CompletableFuture.completedFuture(new ApiOutcome.Created(account, false));
  }

  @Override
  public CompletableFuture<ApiOutcome> retrieve(String accountOrExternalReference) {
    return CompletableFuture.completedFuture(new ApiOutcome.Rejected(Problem.of("not-found",
        "Not Found", 404, "the worker-no-api mode keeps no accounts"), false));
  }
}

package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.core.ParsedBody;
import dev.provisioner.sandbox.core.ProblemType;
import dev.provisioner.sandbox.core.Reply;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The billing operations themselves, once a request is authenticated and past the idempotency
 * store: validate, act on the store, answer. Every answer is a complete {@link Reply}.
 */
public final class BillingApi {

  private final BillingStore store;
  private final FieldRules rules;
  private final AccountRequests accountRequests;
  private final CustomerRequests customerRequests;

  public BillingApi(BillingStore store, BillingLimits limits) {
    this.store = store;
    this.rules = new FieldRules(limits);
    this.customerRequests = new CustomerRequests(rules);
    this.accountRequests = new AccountRequests(rules, customerRequests);
  }

  /** Performs {@code operation}; {@code reference} is the decoded path reference, if any. */
  public Reply handle(Operation operation, @Nullable String reference, ParsedBody body,
      String instance) {
    if (operation == Operation.GET_ACCOUNT) {
      return found(store.account(require(reference)), "account", reference, instance);
    }
    if (operation == Operation.GET_CUSTOMER) {
      return found(store.customer(require(reference)), "customer", reference, instance);
    }
    if (body instanceof ParsedBody.Malformed malformed) {
      return ProblemType.VALIDATION_ERROR.reply(400, malformed.reason(), instance);
    }
    JsonNode tree = ((ParsedBody.Json) body).tree();
    if (!tree.isObject()) {
      return ProblemType.VALIDATION_ERROR.reply(400,
          "body: must be a JSON object, got " + tree.getNodeType(), instance);
    }
    return switch (operation) {
      case CREATE_ACCOUNT -> createAccount(tree, instance);
      case CREATE_CUSTOMER -> createCustomer(tree, instance);
      case PATCH_ACCOUNT -> patchAccount(require(reference), tree, instance);
      case PATCH_CUSTOMER -> patchCustomer(require(reference), tree, instance);
      case GET_ACCOUNT, GET_CUSTOMER -> throw new IllegalStateException("handled above");
    };
  }

  private Reply createAccount(JsonNode tree, String instance) {
    Violations violations = new Violations();
    AccountDraft draft = accountRequests.create(tree, violations);
    if (draft == null) {
      return violations.reply(instance);
    }
    return created(store.createAccount(draft), instance);
  }

  private Reply createCustomer(JsonNode tree, String instance) {
    Violations violations = new Violations();
    CustomerDraft draft = customerRequests.create(tree, "", violations);
    if (draft == null) {
      return violations.reply(instance);
    }
    return created(store.createCustomer(draft, "external_reference"), instance);
  }

  private static <T> Reply created(BillingStore.Result<T> result, String instance) {
    if (result instanceof BillingStore.Result.Created<T> created) {
      return Reply.json(201, created.resource());
    }
    if (result instanceof BillingStore.Result.Duplicate<T> duplicate) {
      return ProblemType.DUPLICATE_EXTERNAL_REFERENCE.reply(409, duplicate.field() + ": "
          + FieldRules.shown(duplicate.reference()) + " already exists", instance);
    }
    String unknown = ((BillingStore.Result.UnknownCustomer<T>) result).reference();
    return ProblemType.VALIDATION_ERROR.reply(422, "customer: no customer with id or "
        + "external_reference " + FieldRules.shown(unknown), instance);
  }

  private Reply patchAccount(String reference, JsonNode tree, String instance) {
    Violations violations = new Violations();
    ResourcePatch patch = accountRequests.patch(tree, violations);
    if (patch == null) {
      return violations.reply(instance);
    }
    AtomicReference<Violations> rejected = new AtomicReference<>();
    Optional<Account> updated = store.updateAccount(reference, old -> {
      Account next = old.with(patch, patch.mergeInto(old.metadata()));
      Violations merged = new Violations();
      Patches.checkMerged(rules, next.balance(), next.currency(), next.metadata(), merged);
      rejected.set(merged.any() ? merged : null);
      return merged.any() ? old : next;
    });
    return patched(updated, rejected.get(), "account", reference, instance);
  }

  private Reply patchCustomer(String reference, JsonNode tree, String instance) {
    Violations violations = new Violations();
    ResourcePatch patch = customerRequests.patch(tree, violations);
    if (patch == null) {
      return violations.reply(instance);
    }
    AtomicReference<Violations> rejected = new AtomicReference<>();
    Optional<Customer> updated = store.updateCustomer(reference, old -> {
      Customer next = old.with(patch, patch.mergeInto(old.metadata()));
      Violations merged = new Violations();
      Patches.checkMerged(rules, next.balance(), next.currency(), next.metadata(), merged);
      rejected.set(merged.any() ? merged : null);
      return merged.any() ? old : next;
    });
    return patched(updated, rejected.get(), "customer", reference, instance);
  }

  private static Reply patched(Optional<?> updated, @Nullable Violations rejected, String kind,
      String reference, String instance) {
    if (rejected != null) {
      return rejected.reply(instance);
    }
    return found(updated, kind, reference, instance);
  }

  private static Reply found(Optional<?> resource, String kind, @Nullable String reference,
      String instance) {
    return resource.map(value -> Reply.json(200, value)).orElseGet(() ->
        ProblemType.NOT_FOUND.reply(404, "no " + kind + " with id or external_reference "
            + FieldRules.shown(String.valueOf(reference)), instance));
  }

  private static String require(@Nullable String reference) {
    if (reference == null) {
      throw new IllegalStateException("operation on one resource without a reference");
    }
    return reference;
  }
}

package dev.provisioner.sandbox.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.billing.AccountDraft.CustomerRef;
import dev.provisioner.sandbox.billing.BillingStore.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent creates answer as if they came one after another: a create that fails for its
 * customer never makes a concurrent create of the same reference look like a duplicate, and an
 * account is never found half made.
 */
class BillingStoreTest {

  private static final int ROUNDS = 3_000;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void concurrentCreatesForAnUnknownCustomerAreNeverTakenForDuplicates() {
    BillingStore store = new BillingStore();

    List<Result<Account>> results = race(i -> () -> store.createAccount(
        account("INV-" + i, new CustomerRef.Existing("C-none"))));

    assertThat(results).allSatisfy(result -> assertThat(result)
        .isEqualTo(new Result.UnknownCustomer<Account>("C-none")));
    assertThat(store.accountCount()).isZero();
  }

  @Test
  void concurrentCreatesWhoseNewCustomerIsTakenNameTheCustomerReference() {
    BillingStore store = new BillingStore();
    store.createCustomer(customer("C-taken"), "external_reference");

    List<Result<Account>> results = race(i -> () -> store.createAccount(
        account("INV-" + i, new CustomerRef.New(customer("C-taken")))));

    assertThat(results).allSatisfy(result -> assertThat(result)
        .isEqualTo(new Result.Duplicate<Account>("customer.external_reference", "C-taken")));
  }

  @Test
  void anAccountIsFoundByItsReferenceAsSoonAsACreateIsRefusedForIt() {
    BillingStore store = new BillingStore();

    List<Result<Account>> results = race(i -> () -> {
      AccountDraft draft = account("INV-" + i, new CustomerRef.New(customer("C-" + i)));
      Result<Account> result = store.createAccount(draft);
      if (result instanceof Result.Duplicate<Account> && store.account("INV-" + i).isEmpty()) {
        return new Result.UnknownCustomer<>("a 409 for INV-" + i + ", which is not found");
      }
      return result;
    });

    assertThat(results).filteredOn(Result.Created.class::isInstance).hasSize(ROUNDS);
    assertThat(results).filteredOn(Result.Duplicate.class::isInstance).hasSize(ROUNDS);
  }

  /** Runs two creates of each round's reference at once, round after round. */
  private List<Result<Account>> race(
      IntFunction<Supplier<Result<Account>>> create) {
    List<Result<Account>> results = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      results.addAll(both(create.apply(i), create.apply(i)));
    }
    return results;
  }

  private List<Result<Account>> both(Supplier<Result<Account>> first,
      Supplier<Result<Account>> second) {
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<Result<Account>> one = CompletableFuture.supplyAsync(
        () -> afterBarrier(start, first), threads);
    CompletableFuture<Result<Account>> two = CompletableFuture.supplyAsync(
        () -> afterBarrier(start, second), threads);
    return List.of(one.join(), two.join());
  }

  private static Result<Account> afterBarrier(CyclicBarrier start,
      Supplier<Result<Account>> create) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return create.get();
  }

  private static AccountDraft account(String reference, CustomerRef customer) {
    return new AccountDraft(customer, reference, null, null, null, Map.of());
  }

  private static CustomerDraft customer(String reference) {
    return new CustomerDraft(reference, null, null, null, null, null, Map.of());
  }
}

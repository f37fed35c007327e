package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.billing.AccountDraft.CustomerRef;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The sandbox's accounts and customers, in memory and thread-safe. */
public final class BillingStore {

  private final Registry<Account> accounts = new Registry<>("bacc_");
  private final Registry<Customer> customers = new Registry<>("bcus_");

  /** What creating a resource came to. */
  sealed interface Result<T> {

    record Created<T>(T resource) implements Result<T> {
    }

    /** The external reference in {@code field} belongs to another resource. */
    record Duplicate<T>(String field, String reference) implements Result<T> {
    }

    /** The account's customer reference names no customer. */
    record UnknownCustomer<T>(String reference) implements Result<T> {
    }
  }

  Result<Customer> createCustomer(CustomerDraft draft, String field) {
    String id = Ids.customer();
    if (!customers.claim(draft.externalReference(), id)) {
      return new Result.Duplicate<>(field, draft.externalReference());
    }
    Customer customer = Customer.from(id, draft);
    customers.put(id, customer);
    return new Result.Created<>(customer);
  }

  Result<Account> createAccount(AccountDraft draft) {
    String id = Ids.account();
    if (!accounts.claim(draft.externalReference(), id)) {
      return new Result.Duplicate<>("external_reference", draft.externalReference());
    }
    Result<Customer> customer = customerOf(draft.customer());
    if (!(customer instanceof Result.Created<Customer> found)) {
      accounts.release(draft.externalReference(), id);
      return retype(customer);
    }
    Account account = new Account(id, draft.externalReference(), found.resource().id(),
        draft.name(), draft.currency(), draft.balance(), draft.metadata());
    accounts.put(id, account);
    return new Result.Created<>(account);
  }

  private Result<Customer> customerOf(CustomerRef reference) {
    if (reference instanceof CustomerRef.New created) {
      return createCustomer(created.draft(), "customer.external_reference");
    }
    String existing = ((CustomerRef.Existing) reference).reference();
    return customers.find(existing).<Result<Customer>>map(Result.Created::new)
        .orElseGet(() -> new Result.UnknownCustomer<>(existing));
  }

  private static Result<Account> retype(Result<Customer> failure) {
    if (failure instanceof Result.Duplicate<Customer> duplicate) {
      return new Result.Duplicate<>(duplicate.field(), duplicate.reference());
    }
    return new Result.UnknownCustomer<>(((Result.UnknownCustomer<Customer>) failure).reference());
  }

  public Optional<Account> account(String reference) {
    return accounts.find(reference);
  }

  public Optional<Customer> customer(String reference) {
    return customers.find(reference);
  }

  Optional<Account> updateAccount(String reference, UnaryOperator<Account> change) {
    return accounts.update(reference, change, Account::id);
  }

  Optional<Customer> updateCustomer(String reference, UnaryOperator<Customer> change) {
    return customers.update(reference, change, Customer::id);
  }

  public List<Account> accounts() {
    return List.copyOf(accounts.all());
  }

  public List<Customer> customers() {
    return List.copyOf(customers.all());
  }

  public int accountCount() {
    return accounts.size();
  }

  public int customerCount() {
    return customers.size();
  }

  public void clear() {
    accounts.clear();
    customers.clear();
  }
}

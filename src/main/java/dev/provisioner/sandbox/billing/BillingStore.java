package dev.provisioner.sandbox.billing;

import dev.provisioner.sandbox.billing.AccountDraft.CustomerRef;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The sandbox's accounts and customers, in memory and thread-safe. Creates take one lock, so
 * concurrent creates answer as if they came one after another, as a database's unique indexes
 * would have them: a create refused for its customer never makes another create of the same
 * reference look like a duplicate, and a reference answered as taken is already found.
 */
public final class BillingStore {

  private final Registry<Account> accounts = new Registry<>("bacc_");
  private final Registry<Customer> customers = new Registry<>("bcus_");
  private final Object creating = new Object();

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
    synchronized (creating) {
      return newCustomer(draft, field);
    }
  }

  Result<Account> createAccount(AccountDraft draft) {
    synchronized (creating) {
      if (accounts.taken(draft.externalReference())) {
        return new Result.Duplicate<>("external_reference", draft.externalReference());
      }
      Result<Customer> customer = customerOf(draft.customer());
      if (!(customer instanceof Result.Created<Customer> found)) {
        return retype(customer);
      }
      Account account = new Account(Ids.account(), draft.externalReference(),
          found.resource().id(), draft.name(), draft.currency(), draft.balance(),
          draft.metadata());
      accounts.add(account.id(), draft.externalReference(), account);
      return new Result.Created<>(account);
    }
  }

  private Result<Customer> newCustomer(CustomerDraft draft, String field) {
    if (customers.taken(draft.externalReference())) {
      return new Result.Duplicate<>(field, draft.externalReference());
    }
    Customer customer = Customer.from(Ids.customer(), draft);
    customers.add(customer.id(), draft.externalReference(), customer);
    return new Result.Created<>(customer);
  }

  private Result<Customer> customerOf(CustomerRef reference) {
    if (reference instanceof CustomerRef.New created) {
      return newCustomer(created.draft(), "customer.external_reference");
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
    synchronized (creating) {
      accounts.clear();
      customers.clear();
    }
  }
}

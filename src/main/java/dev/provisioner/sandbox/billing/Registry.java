package dev.provisioner.sandbox.billing;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe resources of one kind, found by id or by external reference. Keeping references
 * unique is the caller's: {@link BillingStore} adds under its lock.
 */
final class Registry<T> {

  private final ConcurrentHashMap<String, T> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> idsByReference = new ConcurrentHashMap<>();
  private final String idPrefix;

  Registry(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  boolean taken(String reference) {
    return idsByReference.containsKey(reference);
  }

  /** Adds {@code resource}, found by its id at once, and by {@code reference} right after. */
  void add(String id, String reference, T resource) {
    byId.put(id, resource);
    idsByReference.put(reference, id);
  }

  /** By id when it looks like one of ours, else (or when no such id) by external reference. */
  Optional<T> find(String reference) {
    if (reference.startsWith(idPrefix)) {
      T byOwnId = byId.get(reference);
      if (byOwnId != null) {
        return Optional.of(byOwnId);
      }
    }
    String id = idsByReference.get(reference);
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /** Replaces the resource {@code reference} names atomically; empty if there is none. */
  Optional<T> update(String reference, UnaryOperator<T> change, Function<T, String> idOf) {
    Optional<T> found = find(reference);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    @Nullable T updated = byId.computeIfPresent(idOf.apply(found.get()), (id, old) -> change.apply(old));
    return Optional.ofNullable(updated);
  }

  Collection<T> all() {
    return byId.values();
  }

  int size() {
    return byId.size();
  }

  void clear() {
    byId.clear();
    idsByReference.clear();
  }
}

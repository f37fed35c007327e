package dev.provisioner.sandbox.billing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The operations of the billing API the sandbox serves, and how a request line finds one. */
public enum Operation {
  CREATE_ACCOUNT("POST", "accounts", false),
  GET_ACCOUNT("GET", "accounts", true),
  PATCH_ACCOUNT("PATCH", "accounts", true),
  CREATE_CUSTOMER("POST", "customers", false),
  GET_CUSTOMER("GET", "customers", true),
  PATCH_CUSTOMER("PATCH", "customers", true);

  private final String method;
  private final String collection;
  private final boolean onOneResource;

  Operation(String method, String collection, boolean onOneResource) {
    this.method = method;
    this.collection = collection;
    this.onOneResource = onOneResource;
  }

  /** How statistics name it, e.g. {@code GET /billing/accounts/{ref}}. */
  public String label() {
    return method + " /billing/" + collection + (onOneResource ? "/{ref}" : "");
  }

  /** Whether the idempotency store applies (POST; PATCH is not covered by Moment's keys). */
  public boolean idempotent() {
    return method.equals("POST");
  }

  public boolean hasBody() {
    return !method.equals("GET");
  }

  public boolean creates() {
    return method.equals("POST");
  }

  /** Where a request line leads. */
  public sealed interface Route {

    /** An operation, with the still-encoded resource reference for those on one resource. */
    record Found(Operation operation, @Nullable String rawReference) implements Route {
    }

    record NoSuchPath() implements Route {
    }

    record WrongMethod(String allowed) implements Route {
    }
  }

  /** The route of {@code method} on a path split into segments after the leading slash. */
  public static Route resolve(String method, List<String> segments) {
    if (segments.size() < 2 || segments.size() > 3 || !segments.get(0).equals("billing")
        || segments.get(segments.size() - 1).isEmpty()) {
      return new Route.NoSuchPath();
    }
    String collection = segments.get(1);
    boolean onOne = segments.size() == 3;
    List<Operation> here = Stream.of(values())
        .filter(op -> op.collection.equals(collection) && op.onOneResource == onOne).toList();
    if (here.isEmpty()) {
      return new Route.NoSuchPath();
    }
    return here.stream().filter(op -> op.method.equals(method)).findFirst()
        .<Route>map(op -> new Route.Found(op, onOne ? segments.get(2) : null))
        .orElseGet(() -> new Route.WrongMethod(
            here.stream().map(op -> op.method).collect(Collectors.joining(", "))));
  }
}

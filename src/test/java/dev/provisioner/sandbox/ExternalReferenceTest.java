package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Point 5: an external reference names at most one account, under any concurrency. */
class ExternalReferenceTest extends SandboxTestBase {
  @Test
  void aSecondAccountWithTheSameExternalReferenceUnderAnotherKeyIsAConflict() {
    client.createAccount("ref-1", SandboxClient.accountJson("INV-9"));

    HttpResponse<String> second = client.createAccount("ref-2",
        "{\"customer\": \"C-INV-9\", \"external_reference\": \"INV-9\"}");

    assertThat(assertProblem(second, 409, "duplicate-external-reference"))
        .contains("external_reference: \"INV-9\" already exists");
    assertThat(client.accountCount()).isOne();
  }

  @Test
  void aNewCustomerObjectWithATakenExternalReferenceIsAConflictAndCreatesNothing() {
    client.send(client.post("/billing/customers", "{\"external_reference\": \"CUST\"}"));

    HttpResponse<String> response = client.createAccount("ref-3",
        "{\"customer\": {\"external_reference\": \"CUST\"}, \"external_reference\": \"INV-10\"}");

    assertThat(assertProblem(response, 409, "duplicate-external-reference"))
        .contains("customer.external_reference");
    assertThat(client.accountCount()).isZero();
    assertProblem(client.get("/billing/accounts/INV-10"), 404, "not-found");
  }

  @Test
  void concurrentCreatesOfOneExternalReferenceUnderManyKeysCreateExactlyOneAccount() {
    client.send(client.post("/billing/customers", "{\"external_reference\": \"CUST\"}"));
    List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
        .mapToObj(i -> client.sendAsync(client.post("/billing/accounts",
            "{\"customer\": \"CUST\", \"external_reference\": \"RACE\"}")
            .header("Idempotency-Key", "race-" + i)))
        .toList();

    List<Integer> statuses = responses.stream().map(f -> f.join().statusCode()).toList();

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    assertThat(client.accountCount()).isOne();
  }
}

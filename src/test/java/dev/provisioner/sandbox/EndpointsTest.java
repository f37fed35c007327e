package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Point 1: the account and customer endpoints over real HTTP. */
class EndpointsTest extends SandboxTestBase {
  @Test
  void createsAnAccountWithANewCustomerAndAnswersBothIds() {
    HttpResponse<String> response = client.createAccount("key-1", SandboxClient.accountJson("INV-1"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Idempotent-Replayed")).isEmpty();
    JsonNode account = SandboxClient.json(response);
    assertThat(account.get("id").asString()).matches("bacc_[a-zA-Z0-9]+");
    assertThat(account.get("customer_id").asString()).matches("bcus_[a-zA-Z0-9]+");
    assertThat(account.get("external_reference").asString()).isEqualTo("INV-1");
    assertThat(account.get("name").asString()).isEqualTo("Subscription");
    assertThat(account.get("currency").asString()).isEqualTo("ZAR");
    assertThat(account.get("balance").asLong()).isEqualTo(2000);
    assertThat(account.get("metadata").get("plan").asString()).isEqualTo("gold");
    assertThat(account.has("payment_rules")).isFalse();
    JsonNode customer = SandboxClient.json(client.get("/billing/customers/C-INV-1"));
    assertThat(customer.get("id").asString()).isEqualTo(account.get("customer_id").asString());
  }

  @Test
  void retrievesAnAccountByIdAndByUrlEncodedExternalReference() {
    JsonNode created = SandboxClient.json(
        client.createAccount("key-2", SandboxClient.accountJson("INV_2024-001")));

    HttpResponse<String> byId = client.get("/billing/accounts/" + created.get("id").asString());
    HttpResponse<String> byReference = client.get("/billing/accounts/"
        + URLEncoder.encode("INV_2024-001", StandardCharsets.UTF_8).replace("-", "%2D"));

    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(SandboxClient.json(byId)).isEqualTo(created);
    assertThat(byReference.statusCode()).isEqualTo(200);
    assertThat(SandboxClient.json(byReference)).isEqualTo(created);
  }

  @Test
  void answersNotFoundForAnUnknownAccount() {
    HttpResponse<String> response = client.get("/billing/accounts/bacc_nothere");

    String detail = assertProblem(response, 404, "not-found");
    assertThat(detail).contains("bacc_nothere");
  }

  @Test
  void patchUpdatesOnlyTheFieldsSentAndMergesMetadataKeys() {
    client.createAccount("key-3", SandboxClient.accountJson("INV-3"));

    HttpResponse<String> response = client.send(client.patch("/billing/accounts/INV-3",
        "{\"balance\": -500, \"metadata\": {\"cycle\": \"monthly\"}}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode account = SandboxClient.json(response);
    assertThat(account.get("balance").asLong()).isEqualTo(-500);
    assertThat(account.get("name").asString()).isEqualTo("Subscription");
    assertThat(account.get("metadata").get("plan").asString()).isEqualTo("gold");
    assertThat(account.get("metadata").get("cycle").asString()).isEqualTo("monthly");
    assertThat(SandboxClient.json(client.get("/billing/accounts/INV-3"))).isEqualTo(account);
  }

  @Test
  void patchRemovesAMetadataKeySetToNull() {
    client.createAccount("key-4", SandboxClient.accountJson("INV-4"));

    HttpResponse<String> response = client.send(client.patch("/billing/accounts/INV-4",
        "{\"metadata\": {\"plan\": null}}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SandboxClient.json(response).get("metadata").size()).isZero();
  }

  @Test
  void patchRefusesToChangeTheExternalReferenceOrTheCustomer() {
    client.createAccount("key-5", SandboxClient.accountJson("INV-5"));

    HttpResponse<String> response = client.send(client.patch("/billing/accounts/INV-5",
        "{\"external_reference\": \"OTHER\"}"));

    assertThat(assertProblem(response, 422, "validation-error"))
        .contains("external_reference: cannot be changed");
  }

  @Test
  void patchOfAnUnknownAccountIsNotFound() {
    HttpResponse<String> response = client.send(client.patch("/billing/accounts/NOPE",
        "{\"name\": \"x\"}"));

    assertProblem(response, 404, "not-found");
  }

  @Test
  void createsACustomerAndRetrievesItByIdAndExternalReference() {
    HttpResponse<String> created = client.send(client.post("/billing/customers",
        "{\"external_reference\": \"CUST-1\", \"name\": \"Ada\", \"email\": \"ada@example.com\","
            + " \"phone\": \"+27821234567\", \"currency\": \"ZAR\", \"balance\": 0}"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode customer = SandboxClient.json(created);
    assertThat(customer.get("id").asString()).matches("bcus_[a-zA-Z0-9]+");
    assertThat(customer.get("phone").asString()).isEqualTo("+27821234567");
    assertThat(SandboxClient.json(client.get("/billing/customers/" + customer.get("id").asString())))
        .isEqualTo(customer);
    assertThat(SandboxClient.json(client.get("/billing/customers/CUST-1"))).isEqualTo(customer);
  }

  @Test
  void patchesACustomer() {
    client.send(client.post("/billing/customers", "{\"external_reference\": \"CUST-P\"}"));

    HttpResponse<String> response = client.send(client.patch("/billing/customers/CUST-P",
        "{\"email\": \"new@example.com\"}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SandboxClient.json(response).get("email").asString()).isEqualTo("new@example.com");
  }

  @Test
  void createsAnAccountForAnExistingCustomerByIdOrByExternalReference() {
    JsonNode customer = SandboxClient.json(client.send(client.post("/billing/customers",
        "{\"external_reference\": \"CUST-2\"}")));
    String id = customer.get("id").asString();

    HttpResponse<String> byId = client.createAccount("key-6",
        "{\"customer\": \"" + id + "\", \"external_reference\": \"INV-6\"}");
    HttpResponse<String> byReference = client.createAccount("key-7",
        "{\"customer\": \"CUST-2\", \"external_reference\": \"INV-7\"}");

    assertThat(SandboxClient.json(byId).get("customer_id").asString()).isEqualTo(id);
    assertThat(SandboxClient.json(byReference).get("customer_id").asString()).isEqualTo(id);
    assertThat(client.admin("GET", "/_sandbox/customers/count", "").get("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void anUnknownPathOrMethodIsAProblem() {
    assertProblem(client.get("/billing/invoices"), 404, "not-found");
    HttpResponse<String> delete = client.send(client.request("/billing/accounts/X").DELETE());
    assertProblem(delete, 405, "method-not-allowed");
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, PATCH");
  }
}

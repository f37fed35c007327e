package dev.provisioner.sandbox;

import static dev.provisioner.sandbox.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point 2: every constraint of the seeds and moment-api.md answers a problem whose detail names
 * the field and the rule: 400 for a parameter missing, malformed or breaking its rule (moment-api.md:
 * 422 is for "parameters valid but could not be processed"), 422 for valid parameters that cannot
 * be processed (an unknown customer, a PATCH that cannot be merged).
 */
class ValidationTest {

  private static Sandbox sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("--sandbox.limits.metadata-max-keys=20");
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    client.reset();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"external_reference\": \"A1\"}|400|customer: required",
      "{\"customer\": {\"external_reference\": \"C\"}}|400|external_reference: required",
      "{\"customer\": \"C\", \"external_reference\": \"A 1\"}|400|external_reference: must match ^[a-zA-Z0-9_-]+$",
      "{\"customer\": \"C\", \"external_reference\": 12}|400|external_reference: must be a string",
      "{\"customer\": \"bcus_x!\", \"external_reference\": \"A1\"}|400|customer: must match",
      "{\"customer\": 5, \"external_reference\": \"A1\"}|400|customer: must be a string",
      "{\"customer\": {\"external_reference\": \"C\", \"phone\": \"0821234567\"}, \"external_reference\": \"A1\"}|400|customer.phone: must match",
      "{\"customer\": {\"external_reference\": \"C\", \"email\": \"nope\"}, \"external_reference\": \"A1\"}|400|customer.email: must be an e-mail address",
      "{\"customer\": {\"name\": \"x\"}, \"external_reference\": \"A1\"}|400|customer.external_reference: required",
      "{\"customer\": {\"external_reference\": \"C\", \"vip\": true}, \"external_reference\": \"A1\"}|400|customer.vip: unknown field",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"XYZ\"}|400|currency: must be an upper-case ISO 4217 currency code",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"zar\"}|400|currency: must be an upper-case ISO 4217",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"balance\": 2000}|400|balance: requires currency",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"ZAR\", \"balance\": 20.5}|400|balance: must be an integer",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"ZAR\", \"balance\": \"2000\"}|400|balance: must be an integer",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"currency\": \"ZAR\", \"balance\": 1180591620717411303424}|400|balance: must be between",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"metadata\": [\"a\"]}|400|metadata: must be an object",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"metadata\": {\"a\": 1}}|400|metadata.a: must be a string",
      "{\"customer\": \"C\", \"external_reference\": \"A1\", \"colour\": \"red\"}|400|colour: unknown field",
      "[1, 2]|400|body: must be a JSON object",
  })
  void answersAProblemNamingTheFieldAndTheRule(String body, int status, String expected) {
    HttpResponse<String> response = client.createAccount("v-" + status, body);

    assertThat(assertProblem(response, status, "validation-error")).contains(expected);
    assertThat(client.accountCount()).isZero();
  }

  @Test
  void aNameLongerThan255CharactersIsRejectedWithTheLengthGiven() {
    String body = "{\"customer\": \"C\", \"external_reference\": \"A1\", \"name\": \""
        + "n".repeat(256) + "\"}";

    assertThat(assertProblem(client.createAccount("long-name", body), 400, "validation-error"))
        .contains("name: at most 255 characters, got 256");
  }

  @Test
  void anExternalReferenceLongerThan255CharactersIsRejected() {
    String body = "{\"customer\": \"C\", \"external_reference\": \"" + "r".repeat(256) + "\"}";

    assertThat(assertProblem(client.createAccount("long-ref", body), 400, "validation-error"))
        .contains("external_reference: at most 255 characters, got 256");
  }

  @Test
  void metadataWithMoreThan20KeysIsRejected() {
    assertThat(metadataProblem(21, "k", "v")).contains("metadata: at most 20 keys, got 21");
  }

  @Test
  void metadataWith20KeysIsAccepted() {
    HttpResponse<String> response = client.createAccount("meta-20",
        "{\"customer\": {\"external_reference\": \"C\"}, \"external_reference\": \"A1\", "
            + "\"metadata\": " + metadata(20, "k", "v") + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aMetadataKeyLongerThan40CharactersIsRejected() {
    assertThat(metadataProblem(1, "k".repeat(41), "v"))
        .contains("metadata: key names 1 to 40 characters, got 41");
  }

  @Test
  void aMetadataValueLongerThan500CharactersIsRejected() {
    assertThat(metadataProblem(1, "k", "v".repeat(501)))
        .contains("metadata.k0: at most 500 characters, got 501");
  }

  @Test
  void anUnknownCustomerReferenceIsAnsweredNamingIt() {
    HttpResponse<String> response = client.createAccount("unknown-customer",
        "{\"customer\": \"bcus_doesNotExist\", \"external_reference\": \"A1\"}");

    assertThat(assertProblem(response, 422, "validation-error"))
        .contains("customer: no customer with id or external_reference \"bcus_doesNotExist\"");
    assertThat(client.accountCount()).isZero();
  }

  @Test
  void aPatchThatLeavesABalanceWithoutCurrencyIsRejected() {
    client.createAccount("no-currency", "{\"customer\": {\"external_reference\": \"C\"},"
        + " \"external_reference\": \"A1\"}");

    HttpResponse<String> response = client.send(client.patch("/billing/accounts/A1",
        "{\"balance\": 100}"));

    assertThat(assertProblem(response, 422, "validation-error")).contains("balance: requires currency");
  }

  @Test
  void aPatchThatWouldExceedTheMetadataKeyLimitIsRejected() {
    client.createAccount("meta-merge", "{\"customer\": {\"external_reference\": \"C\"},"
        + " \"external_reference\": \"A1\", \"metadata\": " + metadata(15, "a", "v") + "}");

    HttpResponse<String> response = client.send(client.patch("/billing/accounts/A1",
        "{\"metadata\": " + metadata(6, "b", "v") + "}"));

    assertThat(assertProblem(response, 422, "validation-error"))
        .contains("metadata: at most 20 keys, got 21");
  }

  @Test
  void theCustomerEndpointValidatesItsFieldsToo() {
    HttpResponse<String> response = client.send(client.post("/billing/customers",
        "{\"external_reference\": \"C\", \"currency\": \"ZAR\", \"phone\": \"+0123\"}"));

    assertThat(assertProblem(response, 400, "validation-error")).contains("phone: must match");
  }

  private String metadataProblem(int keys, String keyPrefix, String value) {
    String body = "{\"customer\": \"C\", \"external_reference\": \"A1\", \"metadata\": "
        + metadata(keys, keyPrefix, value) + "}";
    return assertProblem(client.createAccount("meta-" + keys + keyPrefix.length() + value.length(),
        body), 400, "validation-error");
  }

  private static String metadata(int keys, String keyPrefix, String value) {
    return IntStream.range(0, keys)
        .mapToObj(i -> "\"" + (keyPrefix.length() > 1 ? keyPrefix : keyPrefix + i) + "\": \""
            + value + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }
}

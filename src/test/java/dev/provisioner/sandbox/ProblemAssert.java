package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.Problem;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Assertions on the problem+json answers of the sandbox. */
final class ProblemAssert {

  private ProblemAssert() {
  }

  /** Asserts a problem of {@code status} and type fragment; returns its detail. */
  static String assertProblem(HttpResponse<String> response, int status, String fragment) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = SandboxClient.json(response);
    assertThat(problem.get("type").asString()).isEqualTo(Problem.TYPE_BASE + fragment);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("instance").asString()).startsWith("/");
    return problem.get("detail").asString();
  }
}

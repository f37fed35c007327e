package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack and the image: checked as far as a machine without a Docker engine allows,
 * by {@code docker-compose config} (the Debian package, installed by {@code .ci/run}) and by
 * reading the files.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("docker-compose.yml");

  @Test
  void composeAcceptsTheFileAndResolvesEveryService() throws Exception {
    // Given the docker-compose binary (CI installs it; elsewhere the test is skipped)
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed");

    // When it validates and resolves the file
    Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // Then it exits 0 and the resolved stack has the services, the pinned broker and the worker
    assertThat(process.exitValue()).as(output).isZero();
    Map<String, Map<String, Object>> services = services(new Yaml().load(output));
    assertThat(services).containsKeys("kafka", "topics", "sandbox", "worker");
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
    assertThat(String.valueOf(services.get("worker").get("environment")))
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS", "PROVISIONER_API_BASE_URL", "PROVISIONER_API_KEY");
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndTheWorkerChecksActuatorHealth() throws IOException {
    // Given the compose file as written
    Map<String, Map<String, Object>> services = services(new Yaml().load(Files.readString(COMPOSE)));

    // When its services are read
    // Then the broker image is pinned, and kafka, sandbox and worker are health-checked
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
    assertThat(services.get("topics").get("image")).isEqualTo("apache/kafka:4.1.1");
    for (String name : List.of("kafka", "sandbox", "worker")) {
      assertThat(services.get(name)).as(name).containsKey("healthcheck");
    }
    assertThat(String.valueOf(services.get("worker").get("healthcheck")))
        .contains("http://localhost:8081/actuator/health");
    assertThat(services.get("worker").get("command")).isEqualTo(List.of("worker"));
    assertThat(services.get("sandbox").get("command")).isEqualTo(List.of("sandbox", "--port=8090"));
  }

  @Test
  void theImageBuildsWithTheWrapperOnJdk17AndRunsTheJarOnAJreAsNonRoot() throws IOException {
    // Given the Dockerfile
    List<String> lines = Files.readAllLines(Path.of("Dockerfile"));

    // When its instructions are read
    List<String> from = lines.stream().filter(line -> line.startsWith("FROM ")).toList();

    // Then one stage builds on a Temurin 17 JDK with the wrapper, the last runs on a JRE as non-root
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).startsWith("FROM eclipse-temurin:17-jdk");
    assertThat(from.get(1)).startsWith("FROM eclipse-temurin:17-jre");
    assertThat(lines).anyMatch(line -> line.contains("./mvnw") && line.contains("package"));
    assertThat(lines).contains("USER 10001:10001",
        "ENTRYPOINT [\"java\",\"-jar\",\"/app/account-provisioner.jar\"]");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Object compose) {
    return (Map<String, Map<String, Object>>) ((Map<String, Object>) compose).get("services");
  }

  private static boolean onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }
}

package dev.provisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's sandbox section cannot drift: its {@code sh} blocks run verbatim with bash against
 * a started sandbox, in order, with only the port substituted. Blocks that build or start the
 * product ({@code ./mvnw}, {@code java -jar}) are skipped, the sandbox being started here.
 */
class ReadmeExamplesTest {

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theCurlExamplesOfTheSandboxSectionWorkVerbatim() throws Exception {
    List<String> blocks = curlBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    StringBuilder outputs = new StringBuilder();

    try (Sandbox sandbox = Sandbox.start()) {
      for (String block : blocks) {
        String script = block.replace("localhost:8090", "localhost:" + sandbox.port());
        Run run = bash(script);
        assertThat(run.exitCode()).as("block:\n%s\noutput:\n%s", block, run.output()).isZero();
        outputs.append(run.output());
      }
    }

    assertThat(outputs).contains("\"id\":\"bacc_").contains("\"external_reference\":\"INV-2024-001\"")
        .contains("\"latency_ms\":50").contains("\"rate_limit_per_second\":500")
        .contains("\"conflict_type\":\"conflict\"").contains("\"count\":1")
        .contains("\"reset\":true");
  }

  private static List<String> curlBlocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- section:sandbox -->");
    int end = readme.indexOf("<!-- /section:sandbox -->");
    assertThat(start).as("the README has a sandbox section").isNotNegative().isLessThan(end);
    Matcher matcher = SH_BLOCK.matcher(readme.substring(start, end));
    List<String> blocks = new ArrayList<>();
    while (matcher.find()) {
      String block = matcher.group(1);
      if (!block.startsWith("java ") && !block.startsWith("./mvnw")) {
        blocks.add(block);
      }
    }
    return blocks;
  }

  private record Run(int exitCode, String output) {
  }

  private static Run bash(String script) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-e", "-c", script).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}

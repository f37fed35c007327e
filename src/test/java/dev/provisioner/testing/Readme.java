package dev.provisioner.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's code blocks, so that tests run its examples as they are written. */
public final class Readme {

  private Readme() {
  }

  /** The content of the first fenced block (any language) after the first line holding {@code marker}. */
  public static String blockAfter(String marker) throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf(marker);
    assertThat(at).as("README has '%s'", marker).isNotNegative();
    int fence = readme.indexOf("```", at);
    int start = readme.indexOf('\n', fence) + 1;
    return readme.substring(start, readme.indexOf("```", start));
  }
}

package dev.provisioner.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentsTest {

  @Test
  void decodesPercentEscapesAsUtf8AndKeepsPlusSigns() {
    assertThat(PathSegments.decode("caf%C3%A9+x%2F..")).hasValue("café+x/..");
  }

  @Test
  void aBrokenEscapeOrBytesThatAreNotUtf8DoNotDecode() {
    assertThat(PathSegments.decode("%ZZ")).isEmpty();
    assertThat(PathSegments.decode("abc%4")).isEmpty();
    assertThat(PathSegments.decode("%C3")).isEmpty();
  }
}

package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTextTest {

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource({"https://user:secret@api_moment.io/v1, https://****@api_moment.io/v1",
      "https://user:se/cret@host, https://****@host",
      "https:user:secret@host, https:****@host",
      "user:secret@host, ****@host",
      "ftp://user:secret@host, ****@host"})
  void masksTheUserInfoWhereverTheUrlHasIt(String url, String shown) {
    // When / Then
    assertThat(UrlText.withoutUserInfo(url)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://api.momentco.io/v1", "http://localhost:8090?to=a@b", "https://host#a@b", "ftp//x"})
  void leavesAUrlWithoutUserInfoAsItIs(String url) {
    // When / Then
    assertThat(UrlText.withoutUserInfo(url)).isEqualTo(url);
  }
}

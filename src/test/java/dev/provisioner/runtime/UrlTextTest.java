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
      "ftp://user:secret@host, ****@host",
      "http://localhost:8090?to=a@b, http://localhost:8090?****",
      "https://host#a@b, https://host#****",
      "ftp://host/v1?api_key=secret#top, ftp://host/v1?****",
      "https://user:secret@host/?key=secret, https://****@host/?****",
      "'https://host/?key=line\nbreak', https://host/?****"})
  void masksTheUserInfoQueryAndFragmentWhereverTheUrlHasThem(String url, String shown) {
    // When / Then
    assertThat(UrlText.masked(url)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://api.momentco.io/v1", "http://localhost:8090/billing", "ftp//x"})
  void leavesAUrlWithoutUserInfoQueryOrFragmentAsItIs(String url) {
    // When / Then
    assertThat(UrlText.masked(url)).isEqualTo(url);
  }
}

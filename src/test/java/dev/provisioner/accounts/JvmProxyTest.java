package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API client honours the JVM's proxy properties, as the JDK's own clients do: the "proxy" is
 * a local server that answers itself, and the API's host does not even resolve.
 */
class JvmProxyTest {

  private static final URI UNRESOLVABLE_API = URI.create("http://api.moment.invalid");

  @AfterEach
  void clearProxy() {
    System.clearProperty("http.proxyHost");
    System.clearProperty("http.proxyPort");
    System.clearProperty("http.nonProxyHosts");
    System.clearProperty("http.proxyUser");
    System.clearProperty("http.proxyPassword");
  }

  @Test
  void callsGoThroughTheProxyTheJvmPropertiesName() throws Exception {
    try (ScriptedServer proxy = new ScriptedServer()) {
      // Given -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=<the local server>
      proxy.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":\"bacc_proxied\"}");
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", Integer.toString(proxy.baseUrl("").getPort()));

      // When an account is created at an API whose host only the proxy could reach
      ApiOutcome outcome = create();

      // Then the call went to the proxy, addressed to the API's host
      assertThat(outcome).isInstanceOf(ApiOutcome.Created.class);
      assertThat(proxy.lastReceived().headers().getFirst("Host")).isEqualTo("api.moment.invalid");
    }
  }

  @Test
  void aProxyThatAsksForCredentialsGetsTheUserAndPasswordTheJvmPropertiesName() throws Exception {
    try (ScriptedServer proxy = new ScriptedServer()) {
      // Given a proxy, and -Dhttp.proxyUser=svc-provisioner -Dhttp.proxyPassword=...
      proxy.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":\"bacc_proxied\"}");
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", Integer.toString(proxy.baseUrl("").getPort()));
      System.setProperty("http.proxyUser", "svc-provisioner");
      System.setProperty("http.proxyPassword", "pr0xy:Secret");

      // When an account is created through it
      ApiOutcome outcome = create();

      // Then the proxy got Basic credentials of that user and password
      assertThat(outcome).isInstanceOf(ApiOutcome.Created.class);
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          "svc-provisioner:pr0xy:Secret".getBytes(StandardCharsets.UTF_8));
      assertThat(proxy.lastReceived().headers().getFirst("Proxy-Authorization")).isEqualTo(expected);
    }
  }

  @Test
  void aHostInNonProxyHostsIsCalledDirectly() {
    // Given a proxy, but the API's host excluded from it
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", "9");
    System.setProperty("http.nonProxyHosts", "*.invalid");

    // Then the client connects to the API itself
    assertThat(JvmProxy.forUrl(UNRESOLVABLE_API)).isEmpty();
  }

  private static ApiOutcome create() {
    return OneCreate.at(UNRESOLVABLE_API, "proxy");
  }
}

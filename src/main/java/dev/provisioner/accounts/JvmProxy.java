package dev.provisioner.accounts;

import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's HTTP proxy for a URL, for Vert.x, which does not read the JDK's proxy properties.
 * Operators of Java services set {@code -Dhttps.proxyHost=... -Dhttps.proxyPort=...} (and
 * {@code http.nonProxyHosts}) to reach the internet through a proxy; the JDK's default {@link
 * ProxySelector} applies them, so the API client asks it once for its base URL.
 *
 * <p>A proxy that asks for credentials gets {@code https.proxyUser} and {@code https.proxyPassword}
 * ({@code http.*} for an {@code http://} URL), the names Maven, Gradle and Apache's HttpClient
 * read; the JDK has none of its own.
 */
final class JvmProxy {

  private JvmProxy() {
  }

  /** The HTTP proxy the JVM's default selector chooses for {@code url}; empty for a direct connection. */
  static Optional<ProxyOptions> forUrl(URI url) {
    ProxySelector selector = ProxySelector.getDefault();
    List<Proxy> proxies = selector == null ? List.of() : selector.select(url);
    return proxies.stream()
        .filter(proxy -> proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress)
        .map(proxy -> (InetSocketAddress) proxy.address())
        .findFirst()
        .map(at -> withCredentials(new ProxyOptions().setType(ProxyType.HTTP).setHost(at.getHostString())
            .setPort(at.getPort()), url));
  }

  private static ProxyOptions withCredentials(ProxyOptions proxy, URI url) {
    String scheme = "https".equalsIgnoreCase(url.getScheme()) ? "https" : "http";
    String user = System.getProperty(scheme + ".proxyUser");
    if (user == null || user.isEmpty()) {
      return proxy;
    }
    return proxy.setUsername(user).setPassword(System.getProperty(scheme + ".proxyPassword", ""));
  }
}

package dev.provisioner.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A PKCS12 key store with one self-signed certificate for {@code localhost}, made by the JDK's own
 * {@code keytool}. It serves as a server's key store and, since a key entry's certificate counts as
 * trusted, as its clients' trust store.
 *
 * @param path the key store file
 * @param password its password (and the key's)
 */
public record SelfSignedCertificate(Path path, String password) {

  /** Creates {@code localhost.p12} in {@code dir}, valid for two days. */
  public static SelfSignedCertificate forLocalhost(Path dir) {
    Path path = dir.resolve("localhost.p12");
    String password = "test-store-pass";
    try {
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-dname", "CN=localhost",
          "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12",
          "-keystore", path.toString(), "-storepass", password).redirectErrorStream(true).start();
      String out = new String(keytool.getInputStream().readAllBytes());
      assertThat(keytool.waitFor()).as("keytool: %s", out).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new SelfSignedCertificate(path, password);
  }

  /** A server's TLS context presenting this certificate. */
  public SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    return tls;
  }
}

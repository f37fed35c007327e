package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.accounts.ApiOutcome.Transient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  static final String KEY = "sk_live_51HxYzSecret";
  final Failures failures = new Failures(new ApiSettings(URI.create("https://api.momentco.io"),
      KEY, Duration.ofSeconds(1), Duration.ofSeconds(1)));

  @Test
  void replacesACauseWhoseMessageHoldsTheKeyByAMaskedOne() {
    // Given
    var failure = new CompletionException(new IOException("bad header Bearer " + KEY));
    // When
    Transient outcome = failures.toOutcome("POST /billing/accounts", failure);
    // Then
    assertThat(outcome.cause()).isInstanceOf(Failures.RedactedFailure.class)
        .hasMessage("java.io.IOException: bad header Bearer sk_****");
    assertThat(AccountsApiContract.everythingSaidAbout(outcome)).doesNotContain(KEY);
  }

  @Test
  void keepsTheOriginalCauseWhenItSaysNothingSecret() {
    // Given
    var failure = new IOException("Connection reset");
    // When
    Transient outcome = failures.toOutcome("GET /billing/accounts/x", failure);
    // Then
    assertThat(outcome.cause()).isSameAs(failure);
    assertThat(outcome.problem().detail())
        .isEqualTo("GET /billing/accounts/x failed: IOException: Connection reset");
  }

  @Test
  void tellsAResponseTimeoutFromAConnectTimeout() {
    // When
    Transient response = failures.toOutcome("call", new HttpTimeoutException("request timed out"));
    Transient connect = failures.toOutcome("call", new HttpConnectTimeoutException("connect"));
    // Then
    assertThat(response.problem().fragment()).isEqualTo("timeout");
    assertThat(connect.problem().fragment()).isEqualTo("connection-error");
  }

  @Test
  void classifiesVertxClosedConnectionsAsConnectionErrorsAndItsTimeoutsAsTimeouts() {
    // When
    Transient closed = failures.toOutcome("call", new HttpClosedException("Connection was closed"));
    Transient reset = failures.toOutcome("call", new StreamResetException(0));
    Transient timeout = failures.toOutcome("call",
        new NoStackTraceTimeoutException("The timeout period of 300ms has been exceeded"));
    // Then
    assertThat(closed.problem().fragment()).isEqualTo("connection-error");
    assertThat(reset.problem().fragment()).isEqualTo("connection-error");
    assertThat(timeout.problem().fragment()).isEqualTo("timeout");
  }

  @Test
  void keepsAnUnexpectedFailureTransientSoNoCommandIsLost() {
    // When
    Transient outcome = failures.toOutcome("call", new IllegalStateException("bug"));
    // Then
    assertThat(outcome.problem().fragment()).isEqualTo("client-failure");
    assertThat(outcome.retryable()).isTrue();
  }
}

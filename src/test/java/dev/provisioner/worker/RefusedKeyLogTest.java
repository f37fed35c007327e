package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refused key reads as one clear ERROR line in the worker's log: no stack trace, no key. */
class RefusedKeyLogTest {

  @Test
  void givenTheApiRefusesTheKeyWhenABatchIsRolledBackThenTheLogHoldsOneErrorLineWithoutStackTraceOrKey() {
    try (WorkerFixture fixture = new WorkerFixture(
        List.of("--sandbox.api-key=sk_test_anotherKeyThanTheWorkers0123456789"), FaultInjectionTest.FAST)) {
      // Given the worker's log is captured
      try (LogCapture log = LogCapture.start()) {
        // When a batch fails on the refused key and is rolled back
        fixture.sendAll(FaultInjectionTest.commands(5));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> BreakerTest.worker(fixture).path("rolledBackBatches").asLong() >= 1);

        // Then the only ERROR is the worker's own line, and no line has a stack trace or the key
        List<ILoggingEvent> events = log.events();
        assertThat(events).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
            .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
            .startsWith("consumption stopped: the Moment API refused provisioner.api.key (401");
        assertThat(events).allSatisfy(event -> {
          assertThat(event.getThrowableProxy()).as(event.toString()).isNull();
          assertThat(event.getFormattedMessage()).doesNotContain(WorkerFixture.API_KEY);
        });
      }
    }
  }
}

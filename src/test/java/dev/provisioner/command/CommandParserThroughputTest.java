package dev.provisioner.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.ParseResult.Parsed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parser runs for every record: it must be fast and safe to share between threads. */
class CommandParserThroughputTest {

  private static final Logger log = LoggerFactory.getLogger(CommandParserThroughputTest.class);

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

  @Test
  void parsesAndValidatesATypicalCommandInWellUnderAMillisecond() {
    // Given a warmed-up parser
    byte[] value = command("perf-1").getBytes(UTF_8);
    assertThat(parsedCount(value, 50_000)).isEqualTo(50_000);

    // When
    int records = 100_000;
    long start = System.nanoTime();
    int parsed = parsedCount(value, records);
    double micros = (System.nanoTime() - start) / 1_000.0 / records;

    // Then
    assertThat(parsed).isEqualTo(records);
    log.info("parse + validate: {} µs/record over {} records", String.format("%.1f", micros),
        records);
    assertThat(micros).isLessThan(500.0);
  }

  @Test
  void givesEachThreadItsOwnCommandWhenSharedByFourThreads() throws Exception {
    // Given
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Boolean>> tasks = IntStream.range(0, 4).<Callable<Boolean>>mapToObj(t -> () -> {
      for (int i = 0; i < 2_000; i++) {
        String id = "t" + t + "-" + i;
        ParseResult result = parser.parse(command(id).getBytes(UTF_8), Map.of());
        if (!(result instanceof Parsed parsed) || !parsed.command().messageId().equals(id)) {
          return false;
        }
      }
      return true;
    }).toList();

    // When
    List<Future<Boolean>> results = pool.invokeAll(tasks);
    pool.shutdown();

    // Then
    for (Future<Boolean> result : results) {
      assertThat(result.get()).isTrue();
    }
  }

  private int parsedCount(byte[] value, int times) {
    int parsed = 0;
    for (int i = 0; i < times; i++) {
      if (parser.parse(value, Map.of()) instanceof Parsed) {
        parsed++;
      }
    }
    return parsed;
  }

  private static String command(String messageId) {
    return "{\"message_id\":\"" + messageId + "\",\"account\":{"
        + "\"customer\":{\"external_reference\":\"CUST_42\",\"name\":\"Thandi Nkosi\","
        + "\"email\":\"thandi@example.com\",\"phone\":\"+27821234567\"},"
        + "\"external_reference\":\"ACC-42-main\",\"name\":\"Main\",\"currency\":\"ZAR\","
        + "\"balance\":2000,\"metadata\":{\"order_id\":\"ord_789012\",\"tier\":\"gold\"}}}";
  }
}

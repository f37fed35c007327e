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

/** The parser runs for every record on shared threads: one instance must serve them all. */
class CommandParserConcurrencyTest {

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

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

  private static String command(String messageId) {
    return "{\"message_id\":\"" + messageId + "\",\"account\":{"
        + "\"customer\":{\"external_reference\":\"CUST_42\",\"name\":\"Thandi Nkosi\","
        + "\"email\":\"thandi@example.com\",\"phone\":\"+27821234567\"},"
        + "\"external_reference\":\"ACC-42-main\",\"name\":\"Main\",\"currency\":\"ZAR\","
        + "\"balance\":2000,\"metadata\":{\"order_id\":\"ord_789012\",\"tier\":\"gold\"}}}";
  }
}

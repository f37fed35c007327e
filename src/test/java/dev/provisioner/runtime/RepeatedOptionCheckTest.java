package dev.provisioner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An option given twice on the command line is refused, named, its values not shown. */
class RepeatedOptionCheckTest {

  @Test
  void anOptionGivenTwiceIsRefusedNamingItWithoutItsValues() {
    // Given --spring.kafka.consumer.group-id twice, which Spring Boot would take as "g1,g2"
    String[] args = {"--spring.kafka.consumer.group-id=g1", "--provisioner.worker.in-flight=8",
        "--spring.kafka.consumer.group-id=g2"};

    // When
    var problem = RepeatedOptionCheck.problem(args);

    // Then
    assertThat(problem).hasValue("--spring.kafka.consumer.group-id is given 2 times: give it once (Spring "
        + "Boot would join the values into one, with commas; a setting that takes a list takes them in one value)");
    assertThat(problem.orElseThrow()).doesNotContain("g1").doesNotContain("g2");
  }

  @Test
  void optionsGivenOnceAndAListInOneValuePass() {
    // Given
    String[] args = {"--spring.kafka.bootstrap-servers=a:9092,b:9092", "--server.port=0"};

    // When
    var problem = RepeatedOptionCheck.problem(args);

    // Then
    assertThat(problem).isEmpty();
  }
}

package dev.provisioner.worker;

import dev.provisioner.worker.ScenarioRecord.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A randomised run of the worker: phases, each with the sandbox's faults and the records sent
 * while they hold, one worker restart, and a second worker joining the group and leaving it
 * (rebalances while commands are in flight). Records use few keys (the first one hot) and names
 * that start with {@code prefix}, so that runs sharing a broker and sandbox stay apart.
 *
 * @param seed what {@link #generate(long)} made it from
 * @param prefix what every message ID, key and reference of the scenario starts with
 * @param phases the phases, in order
 * @param restartAfter the phase after whose records the worker is stopped and started again
 * @param joinAfter the phase after whose records a second worker joins the group
 * @param leaveAfter the phase after whose records the second worker leaves, after {@code joinAfter};
 *     the number of phases when it stays to the end
 */
record Scenario(long seed, String prefix, List<Phase> phases, int restartAfter, int joinAfter, int leaveAfter) {

  /**
   * One phase of a scenario.
   *
   * @param fault the sandbox's faults while it runs
   * @param records the records it sends, in order
   */
  record Phase(FaultPhase fault, List<ScenarioRecord> records) {
  }

  /** The scenario of {@code seed}: 3 to 5 phases of 30 to 79 records over 4 to 7 keys. */
  static Scenario generate(long seed) {
    Random random = new Random(seed);
    String prefix = "inv" + Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(1, 9);
    Generator generator = new Generator(random, prefix, 4 + random.nextInt(4));
    int phaseCount = 3 + random.nextInt(3);
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < phaseCount; i++) {
      phases.add(new Phase(i == 0 ? FaultPhase.NONE : FaultPhase.random(random),
          generator.records(30 + random.nextInt(50))));
    }
    int restartAfter = random.nextInt(phaseCount);
    int joinAfter = random.nextInt(phaseCount);
    return new Scenario(seed, prefix, List.copyOf(phases), restartAfter, joinAfter,
        joinAfter + 1 + random.nextInt(phaseCount - joinAfter));
  }

  List<ScenarioRecord> records() {
    return phases.stream().flatMap(phase -> phase.records().stream()).toList();
  }

  /** The seed, the restart, the second worker's stay and each phase's faults and kinds of record. */
  String summary() {
    StringBuilder text = new StringBuilder("Scenario.generate(").append(seed).append("L): ").append(prefix)
        .append(", restart after phase ").append(restartAfter).append(", a second worker from phase ")
        .append(joinAfter).append(leaveAfter < phases.size() ? " to phase " + leaveAfter : " to the end");
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      text.append("\nphase ").append(i).append(": ").append(phase.fault()).append(", ")
          .append(phase.records().size()).append(" records: ")
          .append(phase.records().stream().collect(Collectors.groupingBy(ScenarioRecord::kind,
              Collectors.counting())));
    }
    return text.toString();
  }

  /** The summary, then every record of each phase. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(summary());
    for (int i = 0; i < phases.size(); i++) {
      text.append("\nrecords of phase ").append(i).append(':');
      phases.get(i).records().forEach(record -> text.append("\n  ").append(record));
    }
    return text.toString();
  }

  /** Draws records, remembering the FRESH ones that later records may take from or retry. */
  private static final class Generator {
    private final Random random;
    private final String prefix;
    private final int keys;
    private final List<ScenarioRecord> sentValid = new ArrayList<>();
    private final List<ScenarioRecord> unclaimed = new ArrayList<>();
    private int next;

    Generator(Random random, String prefix, int keys) {
      this.random = random;
      this.prefix = prefix;
      this.keys = keys;
    }

    List<ScenarioRecord> records(int count) {
      List<ScenarioRecord> records = new ArrayList<>(count);
      while (records.size() < count) {
        records.addAll(draw());
      }
      records.stream().filter(record -> record.kind().valid).forEach(sentValid::add);
      return records;
    }

    private List<ScenarioRecord> draw() {
      int roll = random.nextInt(100);
      if (roll < 8 && !sentValid.isEmpty()) {
        return List.of(sentValid.get(random.nextInt(sentValid.size())).again());
      }
      if (roll < 22 && !unclaimed.isEmpty()) {
        return List.of(derived(unclaimed.remove(random.nextInt(unclaimed.size())), roll));
      }
      if (roll < 30) {
        return chain();
      }
      if (roll < 42) {
        return List.of(invalid(roll));
      }
      ScenarioRecord fresh = valid(Kind.FRESH, key(), id(), ref(), 2000, null);
      unclaimed.add(fresh);
      return List.of(fresh);
    }

    /** A record taking a FRESH record's reference (same or other body) or reusing its message ID. */
    private ScenarioRecord derived(ScenarioRecord root, int roll) {
      if (roll < 13) {
        return valid(Kind.TAKEN_SAME, key(), id(), root.reference(), root.balance(), null);
      }
      if (roll < 18) {
        return valid(Kind.TAKEN_OTHER, key(), id(), root.reference(), root.balance() + 1000, null);
      }
      String otherKey = prefix + "-k" + ((Integer.parseInt(root.key().substring(prefix.length() + 2)) + 1) % keys);
      return valid(Kind.REUSED_ID, otherKey, root.messageId(), ref(), 2000, null);
    }

    private List<ScenarioRecord> chain() {
      String key = key();
      String customer = "cus-" + ref();
      ScenarioRecord first = valid(Kind.CHAIN_CUSTOMER, key, id(), ref(), 2000, customer);
      String secondId = id();
      String secondRef = ref();
      return List.of(first, new ScenarioRecord(Kind.CHAIN_ACCOUNT, key,
          ScenarioRecord.command(secondId, secondRef, 2000, "\"" + customer + "\""), secondId, null, secondRef, 2000));
    }

    private ScenarioRecord invalid(int roll) {
      String ref = ref();
      if (roll < 34) {
        String header = random.nextBoolean() ? id() : null;
        return new ScenarioRecord(Kind.NOT_JSON, key(), "not json " + ref, header, header, ref, 0);
      }
      if (roll < 38) {
        String id = id();
        return new ScenarioRecord(Kind.SCHEMA_VIOLATION, key(), """
            {"message_id": "%s", "account": {"external_reference": "%s", "currency": "rand"}}"""
            .formatted(id, ref), id, null, ref, 0);
      }
      String value = ScenarioRecord.command("", ref, 2000, ScenarioRecord.newCustomer("cus-" + ref))
          .replace("\"message_id\": \"\", ", "");
      return new ScenarioRecord(Kind.NO_MESSAGE_ID, key(), value, null, null, ref, 2000);
    }

    /** A valid command; {@code customer} is a new customer's reference (null: "cus-" and the reference). */
    private ScenarioRecord valid(Kind kind, String key, String id, String reference, long balance,
        @Nullable String customer) {
      String newCustomer = ScenarioRecord.newCustomer(customer == null ? "cus-" + reference : customer);
      return new ScenarioRecord(kind, key, ScenarioRecord.command(id, reference, balance, newCustomer), id, null,
          reference, balance);
    }

    /** A key, the first of them hot: it gets a third of the records. */
    private String key() {
      return prefix + "-k" + (random.nextInt(3) == 0 ? 0 : random.nextInt(keys));
    }

    private String id() {
      return prefix + "-m" + next++;
    }

    private String ref() {
      return prefix + "-r" + next++;
    }
  }
}

package dev.provisioner.cli;

import dev.provisioner.tooling.dlt.DeadLetters;
import dev.provisioner.tooling.dlt.Printable;
import dev.provisioner.tooling.dlt.ReasonCount;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code dlt list}: dead letters counted by reason and exception, with their time range. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Count dead letters by reason and exception, with their time range.")
final class DltListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @Mixin
  DltWhere where;
  @Unmatched
  List<String> springArgs = new ArrayList<>();
  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() {
    List<ReasonCount> counts = DltCommand.named(new DeadLetters(where.settings(springArgs))::countByReason);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(DltCommand.JSON.writeValueAsString(counts));
      return ExitCodes.OK;
    }
    long total = counts.stream().mapToLong(ReasonCount::count).sum();
    out.println(total + " dead letters on " + where.topic);
    counts.forEach(count -> out.printf("%8d  %s  (%s .. %s)  %s%n", count.count(),
        Printable.of(count.reason()), count.first(), count.last(), Printable.of(count.exception())));
    if (total > 0) {
      // the counts name no record; this is where the partitions and offsets dlt show takes are
      out.println("each one with its partition and offset (for dlt show): dlt replay --dry-run"
          + " --group-id=NEW-NAME, with --reason=... or the other filters to narrow it");
    }
    return ExitCodes.OK;
  }
}

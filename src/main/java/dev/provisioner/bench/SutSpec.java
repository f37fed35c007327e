package dev.provisioner.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a child JVM runs: one mode against a broker, topics and the API, passed on its command
 * line as {@code --sut.name=value} options.
 *
 * @param mode the system under test
 * @param bootstrapServers the broker
 * @param apiUrl the sandbox's base URL
 * @param topicPrefix commands, replies and dead letters are {@code PREFIX-commands} etc.
 * @param partitions partitions of the command topic (the classic listener's concurrency)
 * @param inFlight the limit of API calls in flight
 * @param commands how many commands (raw-http makes this many calls)
 * @param keys distinct keys
 */
public record SutSpec(Mode mode, String bootstrapServers, URI apiUrl, String topicPrefix,
    int partitions, int inFlight, int commands, int keys) {

  /** The sandbox accepts any test key; this one is fixed and never a secret. */
  public static final String API_KEY = "sk_test_benchKey4eC39HqLyjWDarjtT1zdp7dc";

  public String commandsTopic() {
    return topicPrefix + "-commands";
  }

  public String repliesTopic() {
    return topicPrefix + "-replies";
  }

  public String deadLettersTopic() {
    return topicPrefix + "-dlt";
  }

  /** The same system's warm-up: its commands (or calls) are run {@code w<prefix>}. */
  public SutSpec warmUp() {
    return new SutSpec(mode, bootstrapServers, apiUrl, "w" + topicPrefix, partitions, inFlight,
        commands, keys);
  }

  /** This spec as child command-line options. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.add("--sut.mode=" + mode.id());
    args.add("--sut.bootstrap-servers=" + bootstrapServers);
    args.add("--sut.api-url=" + apiUrl);
    args.add("--sut.topic-prefix=" + topicPrefix);
    args.add("--sut.partitions=" + partitions);
    args.add("--sut.in-flight=" + inFlight);
    args.add("--sut.commands=" + commands);
    args.add("--sut.keys=" + keys);
    return args;
  }

  /** The spec from {@link #toArgs()} options. */
  public static SutSpec fromArgs(List<String> args) {
    Map<String, String> options = args.stream().filter(arg -> arg.startsWith("--sut."))
        .map(arg -> arg.substring("--sut.".length()).split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
    List<String> missing = List.of("mode", "bootstrap-servers", "api-url", "topic-prefix",
        "partitions", "in-flight", "commands", "keys").stream()
        .filter(name -> !options.containsKey(name)).map(name -> "--sut." + name).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the --sut.* options are the benchmark's own, for its "
          + "child JVMs; missing " + String.join(", ", missing));
    }
    return new SutSpec(Mode.of(options.get("mode")), options.get("bootstrap-servers"),
        URI.create(options.get("api-url")), options.get("topic-prefix"),
        Integer.parseInt(options.get("partitions")), Integer.parseInt(options.get("in-flight")),
        Integer.parseInt(options.get("commands")), Integer.parseInt(options.get("keys")));
  }
}

package dev.provisioner.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's data directory: formatted once for a new cluster, then reused as it is, which is
 * what lets topics and records survive a restart.
 */
final class KraftStorage {

  private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

  private KraftStorage() {
  }

  /** Formats {@code dataDir} for a new single-node cluster unless it already holds one. */
  static void formatIfNew(Path dataDir) {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      log.debug("reusing the Kafka data in {}", dataDir);
      return;
    }
    try {
      Files.createDirectories(dataDir);
      String clusterId = Uuid.randomUuid().toString();
      formatter(dataDir, clusterId).run();
      log.info("formatted {} for the new cluster {}", dataDir, clusterId);
    } catch (Exception e) {
      throw new BrokerStartException("cannot format the Kafka data directory " + dataDir + ": "
          + e.getMessage(), e);
    }
  }

  private static Formatter formatter(Path dataDir, String clusterId) {
    String dir = dataDir.toAbsolutePath().toString();
    return new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setClusterId(clusterId)
        .setNodeId(KraftSettings.NODE_ID)
        .setControllerListenerName(KraftSettings.CONTROLLER_LISTENER)
        .setMetadataLogDirectory(dir)
        .setDirectories(List.of(dir))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
  }

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("local-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(KraftStorage::deleteQuietly);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", path, e.toString());
    }
  }
}

package dev.provisioner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code submit} writes its report, checked before anything is sent. */
final class ReportFile {

  private ReportFile() {
  }

  /** {@code accounts.csv} gives {@code accounts.report.csv} in the same directory. */
  static Path besides(Path input) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return input.resolveSibling(stem + ".report.csv");
  }

  /** A report written over the input would lose the file a second run needs: bad settings. */
  static void requireNotInput(Path report, Path input) {
    boolean same;
    try {
      same = Files.exists(report) && Files.isSameFile(report, input);
    } catch (IOException e) {
      same = false;
    }
    if (same) {
      throw new UsageException("the report " + report + " is the input file " + input
          + ": give --report=FILE another name");
    }
  }

  /** A report that could not be written at the end of a long run is bad settings now. */
  static void requireWritable(Path report) {
    Path absolute = report.toAbsolutePath();
    Path directory = absolute.getParent();
    boolean writable = Files.exists(absolute)
        ? Files.isRegularFile(absolute) && Files.isWritable(absolute)
        : directory != null && Files.isDirectory(directory) && Files.isWritable(directory);
    if (!writable) {
      throw new UsageException("cannot write the report " + report
          + " (give --report=FILE in a writable directory)");
    }
  }
}

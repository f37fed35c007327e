package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputChartTest {

  @TempDir
  Path dir;

  @Test
  void givenAllFiveModes_whenTheChartIsDrawn_thenEachModeHasItsOwnColourInTheLegend()
      throws Exception {
    // Given a run of every mode, worker-no-api included
    List<RunResult> runs = new ArrayList<>();
    double throughput = 1_000;
    for (Mode mode : Mode.values()) {
      runs.add(new RunResult(mode.id(), 0, 6, 100, 1_000, 256, throughput, 1, 2, 50, 100, -1, -1));
      throughput += 1_000;
    }

    // When
    Path file = dir.resolve("chart.png");
    ThroughputChart.write(new Results("17 test JVM", runs), file);

    // Then the legend's squares, in a row along the bottom, are five distinct colours
    BufferedImage chart = ImageIO.read(file.toFile());
    List<Integer> colours = legendColours(chart);
    assertThat(colours).as("legend colours left to right").hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void givenTheModesInAnotherOrder_whenTheChartIsDrawn_thenEachModeKeepsItsColour() throws Exception {
    // Given one chart of worker then raw-http, another of worker-no-api, raw-http then worker
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");
    ThroughputChart.write(new Results("jvm", List.of(run("worker"), run("raw-http"))), first);
    ThroughputChart.write(new Results("jvm", List.of(run("worker-no-api"), run("raw-http"),
        run("worker"))), second);

    // Then worker and raw-http have the same colours in both
    List<Integer> before = legendColours(ImageIO.read(first.toFile()));
    List<Integer> after = legendColours(ImageIO.read(second.toFile()));
    assertThat(after.get(2)).as("worker").isEqualTo(before.get(0));
    assertThat(after.get(1)).as("raw-http").isEqualTo(before.get(1));
  }

  private static RunResult run(String mode) {
    return new RunResult(mode, 0, 6, 100, 1_000, 256, 1_000, 1, 2, 50, 100, -1, -1);
  }

  /** The colours of the legend's squares: runs of 10 or more pixels of one colour, not white. */
  private static List<Integer> legendColours(BufferedImage chart) {
    int y = chart.getHeight() - 19;
    List<Integer> colours = new ArrayList<>();
    int run = 0;
    for (int x = 1; x < chart.getWidth(); x++) {
      int rgb = chart.getRGB(x, y) & 0xffffff;
      run = rgb == (chart.getRGB(x - 1, y) & 0xffffff) ? run + 1 : 1;
      if (run == 10 && rgb != 0xffffff) {
        colours.add(rgb);
      }
    }
    return colours;
  }
}

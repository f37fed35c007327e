package dev.provisioner.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A bar chart of throughput, grouped by latency, one colour per mode, drawn with Java2D. */
final class ThroughputChart {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;
  private static final int LEFT = 80;
  private static final int BOTTOM = 60;
  private static final int TOP = 50;
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e),
      new Color(0x2ca02c), new Color(0x7f7f7f), new Color(0x9467bd)};

  private ThroughputChart() {
  }

  static void write(Results results, Path file) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      draw(g, results);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static void draw(Graphics2D g, Results results) {
    List<Long> latencies = results.runs().stream().map(RunResult::latencyMs).distinct().toList();
    List<String> modes = results.runs().stream().map(RunResult::mode).distinct().toList();
    double max = results.runs().stream().mapToDouble(RunResult::throughputPerS).max().orElse(1);
    double top = Math.max(1, niceCeiling(max));
    axes(g, top, results.jvm() + setUp(results.runs()));
    int plotWidth = WIDTH - LEFT - 20;
    int groupWidth = plotWidth / Math.max(1, latencies.size());
    int barWidth = Math.max(4, (groupWidth - 40) / Math.max(1, modes.size()));
    for (RunResult r : results.runs()) {
      int group = latencies.indexOf(r.latencyMs());
      int index = modes.indexOf(r.mode());
      int x = LEFT + group * groupWidth + 20 + index * barWidth;
      int h = (int) ((HEIGHT - TOP - BOTTOM) * r.throughputPerS() / top);
      g.setColor(colour(r.mode()));
      g.fillRect(x, HEIGHT - BOTTOM - h, barWidth - 4, h);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawString(String.format("%.0f", r.throughputPerS()), x, HEIGHT - BOTTOM - h - 4);
    }
    for (int i = 0; i < latencies.size(); i++) {
      g.drawString("L = " + latencies.get(i) + " ms", LEFT + i * groupWidth + groupWidth / 2 - 30,
          HEIGHT - BOTTOM + 20);
    }
    legend(g, modes);
  }

  /** What the runs share, e.g. {@code ; 6 partitions, 10000 keys, 256 in flight}. */
  private static String setUp(List<RunResult> runs) {
    if (runs.isEmpty()) {
      return "";
    }
    RunResult first = runs.get(0);
    return "; " + first.partitions() + " partitions, " + first.keys() + " keys, "
        + runs.stream().filter(r -> !r.mode().equals(Mode.CLASSIC_LISTENER.id()))
            .mapToInt(RunResult::inFlight).max().orElse(first.inFlight()) + " in flight";
  }

  private static void axes(Graphics2D g, double top, String jvm) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1));
    g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
    g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - 20, HEIGHT - BOTTOM);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString("Commands per second (end to end) by mode and API latency", LEFT, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString(jvm, LEFT, 42);
    for (int i = 0; i <= 5; i++) {
      int y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / 5;
      g.drawString(String.format("%.0f", top * i / 5), 10, y + 4);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT + 1, y, WIDTH - 20, y);
      g.setColor(Color.BLACK);
    }
  }

  /** One entry per mode, spread over the width: five modes fit (at 190 px each the fifth did not). */
  private static void legend(Graphics2D g, List<String> modes) {
    int step = Math.min(190, (WIDTH - LEFT) / Math.max(1, modes.size()));
    for (int i = 0; i < modes.size(); i++) {
      int x = LEFT + 10 + i * step;
      g.setColor(colour(modes.get(i)));
      g.fillRect(x, HEIGHT - 25, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(modes.get(i), x + 16, HEIGHT - 15);
    }
  }

  /** A mode's colour is the same in every chart, whichever modes ran and in what order. */
  private static Color colour(String mode) {
    return COLOURS[Mode.of(mode).ordinal() % COLOURS.length];
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}

package dev.shellcamp.lab.load;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Width;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal report of a load run: plain text with no colour and no cursor movement, so it
 * reads the same on a dumb terminal, under NO_COLOR, in a pipe and in a lesson transcript.
 */
public final class LoadRenderer {
  /** Width of the longest histogram bar; fits 80 columns beside the labels and counts. */
  static final int BAR = 40;

  private LoadRenderer() {}

  /** The row labels (rate, requests, latency) are the {@code --json} field names in every language, as the lessons name them. */
  public static String render(LoadReport r, Messages m) {
    StringBuilder b = new StringBuilder();
    LoadPlan p = r.plan();
    line(b, "load", p.method() + " " + p.url());
    line(b, "", m.get("lab.load.plan", seconds(p.duration()), num(p.rate()), seconds(p.warmup()), p.connections(),
        seconds(p.timeout())));
    b.append('\n');
    line(b, "rate", m.get("lab.load.rate", num(p.rate()),
        String.format(Locale.ROOT, "%.1f", r.achievedRate())));
    line(b, "requests", m.get("lab.load.requests", r.sent(), r.ok(), r.errors().total()));
    if (r.errors().total() > 0) {
      line(b, "errors", errors(r.errors(), m));
    }
    var l = r.latency();
    if (l.count() > 0) {
      line(b, "latency", "p50 " + ms(l.p50()) + " · p90 " + ms(l.p90()) + " · p95 " + ms(l.p95())
          + " · p99 " + ms(l.p99()) + " · p99.9 " + ms(l.p999()) + " · max " + ms(l.max()) + " ms");
      line(b, "", m.get("lab.load.latency-note"));
      b.append('\n').append(m.get("lab.load.histogram")).append('\n');
      histogram(b, r.histogram());
    }
    if (!r.timeline().isEmpty()) {
      b.append('\n').append(m.get("lab.load.per-second")).append('\n');
      // headings may be Korean, two columns a character: pad by display width, not by chars
      b.append(left(m.get("lab.load.col.sec"), 6)).append(' ').append(left(m.get("lab.load.col.sent"), 7)).append(' ')
          .append(left(m.get("lab.load.col.ok"), 7)).append(' ').append(left(m.get("lab.load.col.errors"), 7))
          .append(' ').append(left("p99 ms", 9)).append('\n');
      for (LoadReport.Second s : r.timeline()) {
        b.append(String.format(Locale.ROOT, "%6d %7d %7d %7d %9s%n", s.second(), s.sent(), s.ok(), s.errors(),
            s.ok() + s.errors() == 0 ? "-" : ms(s.p99())));
      }
    }
    if (!r.warnings().isEmpty()) {
      b.append('\n');
      r.warnings().forEach(w -> b.append(w.in(m)).append('\n'));
    }
    return b.toString();
  }

  private static String errors(LoadReport.Errors e, Messages m) {
    List<String> parts = new ArrayList<>();
    if (e.connect() > 0) {
      parts.add(m.get("lab.load.err.connect", e.connect()));
    }
    if (e.timeout() > 0) {
      parts.add(m.get("lab.load.err.timeout", e.timeout()));
    }
    e.status().forEach((code, n) -> parts.add(m.get("lab.load.err.status", code, n)));
    if (e.body() > 0) {
      parts.add(m.get("lab.load.err.body", e.body()));
    }
    if (e.io() > 0) {
      parts.add(m.get("lab.load.err.io", e.io()));
    }
    return String.join(" · ", parts);
  }

  private static void histogram(StringBuilder b, List<LoadReport.Bucket> buckets) {
    long most = buckets.stream().mapToLong(LoadReport.Bucket::count).max().orElse(1);
    for (LoadReport.Bucket k : buckets) {
      // at least one block for any non-empty bucket: the rare slow requests are the point
      int width = k.count() == 0 ? 0 : (int) Math.max(1, Math.round((double) k.count() * BAR / most));
      b.append(String.format(Locale.ROOT, "%8s – %-6s │%s %d%n", bound(k.from()), bound(k.to()),
          "█".repeat(width), k.count()));
    }
  }

  private static void line(StringBuilder b, String label, String text) {
    b.append(Width.padRight(label, 10)).append(' ').append(text).append('\n');
  }

  private static String left(String s, int width) {
    return " ".repeat(Math.max(0, width - Width.of(s))) + s;
  }

  /** Three significant digits, the precision the histograms keep. */
  public static String ms(double ms) {
    if (ms < 1) {
      return String.format(Locale.ROOT, "%.3f", ms);
    }
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    return String.format(Locale.ROOT, ms < 100 ? "%.1f" : "%.0f", ms);
  }

  private static String bound(double ms) {
    return ms == Math.rint(ms) ? num(ms) : String.valueOf(ms);
  }

  public static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  public static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}

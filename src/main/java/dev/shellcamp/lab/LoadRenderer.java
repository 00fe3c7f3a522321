package dev.shellcamp.lab;

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

  public static String render(LoadReport r) {
    StringBuilder b = new StringBuilder();
    LoadPlan p = r.plan();
    line(b, "load", p.method() + " " + p.url());
    line(b, "", seconds(p.duration()) + " at " + num(p.rate()) + " req/s after " + seconds(p.warmup())
        + " warm-up, " + p.connections() + " connections, timeout " + seconds(p.timeout()));
    b.append('\n');
    line(b, "rate", num(p.rate()) + " req/s target · " + String.format(Locale.ROOT, "%.1f", r.achievedRate()) + " achieved");
    line(b, "requests", r.sent() + " sent · " + r.ok() + " ok · " + r.errors().total() + " errors");
    if (r.errors().total() > 0) {
      line(b, "errors", errors(r.errors()));
    }
    var l = r.latency();
    if (l.count() > 0) {
      line(b, "latency", "p50 " + ms(l.p50()) + " · p90 " + ms(l.p90()) + " · p95 " + ms(l.p95()) + " · p99 "
          + ms(l.p99()) + " · p99.9 " + ms(l.p999()) + " · max " + ms(l.max()) + " ms");
      line(b, "", "counted from each request's intended send time, so waiting behind a stall is included");
      b.append("\nlatency histogram (ms, log scale)\n");
      histogram(b, r.histogram());
    }
    if (!r.timeline().isEmpty()) {
      b.append("\nper second\n");
      b.append(String.format(Locale.ROOT, "%6s %7s %7s %7s %9s%n", "sec", "sent", "ok", "errors", "p99 ms"));
      for (LoadReport.Second s : r.timeline()) {
        b.append(String.format(Locale.ROOT, "%6d %7d %7d %7d %9s%n", s.second(), s.sent(), s.ok(), s.errors(),
            s.ok() + s.errors() == 0 ? "-" : ms(s.p99())));
      }
    }
    if (!r.warnings().isEmpty()) {
      b.append('\n');
      r.warnings().forEach(w -> b.append(w).append('\n'));
    }
    return b.toString();
  }

  private static String errors(LoadReport.Errors e) {
    List<String> parts = new ArrayList<>();
    if (e.connect() > 0) {
      parts.add("connect " + e.connect());
    }
    if (e.timeout() > 0) {
      parts.add("timeout " + e.timeout());
    }
    e.status().forEach((code, n) -> parts.add("status " + code + ": " + n));
    if (e.body() > 0) {
      parts.add("wrong body " + e.body());
    }
    if (e.io() > 0) {
      parts.add("broken connection " + e.io());
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
    b.append(String.format(Locale.ROOT, "%-10s %s%n", label, text));
  }

  /** Three significant digits, the precision the histograms keep. */
  static String ms(double ms) {
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

  static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}

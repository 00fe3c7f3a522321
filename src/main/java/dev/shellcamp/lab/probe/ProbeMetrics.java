package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metrics-count} case: scrape /metrics, send N good infer requests, scrape again; some
 * series must have grown by exactly N. The probe cannot know a learner's metric names, so it
 * looks at every sample line and names the one that matched (or those that grew by the wrong amount).
 * /metrics is not part of the Open Inference Protocol, so the suite files this case as hardening:
 * a server without it, or with counters that miss requests, gets a warning, not a failure.
 */
final class ProbeMetrics {
  static final String ID = "metrics-count";
  static final int N = 10;

  private ProbeMetrics() {}

  static ProbeResult check(ProbeHttp http, ProbeModel m) {
    ProbeHttp.Answer before = http.get("/metrics");
    if (!before.is(200)) {
      return ProbeResult.fail(ID, LabText.of("lab.metrics.none", before.describe()));
    }
    String start = before.body().stripLeading();
    // no samples is still Prometheus text (a labelled counter appears at its first use); a page or JSON is not
    if (start.startsWith("<") || start.startsWith("{") || start.startsWith("[")) {
      return ProbeResult.fail(ID, LabText.of("lab.metrics.format", before.excerpt()));
    }
    Map<String, Double> a = parse(before.body());
    String path = "/v2/models/" + m.name() + "/infer";
    for (int i = 1; i <= N; i++) {
      ProbeHttp.Answer r = http.post(path, m.request(m.first()));
      if (!r.is(200)) {
        return ProbeResult.fail(ID, LabText.of("lab.metrics.infer-failed", i, N, r.describe()));
      }
    }
    ProbeHttp.Answer after = http.get("/metrics");
    if (!after.is(200)) {
      return ProbeResult.fail(ID, LabText.of("lab.metrics.second", after.describe()));
    }
    Map<String, Double> b = parse(after.body());
    List<String> exact = new ArrayList<>();
    List<String> grew = new ArrayList<>();
    b.forEach((series, v) -> {
      double d = v - a.getOrDefault(series, 0.0);
      if (d == N) {
        exact.add(series);
      } else if (d > 0) {
        grew.add(series + " +" + ProbeModel.num(d));
      }
    });
    if (!exact.isEmpty()) {
      // a series about requests says more than, say, a byte count that happens to match
      String best = exact.stream().filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains("request")).findFirst().orElse(exact.get(0));
      return ProbeResult.pass(ID, LabText.of("lab.metrics.ok", best, N));
    }
    if (grew.isEmpty()) {
      return ProbeResult.fail(ID, LabText.of("lab.metrics.unchanged", N));
    }
    return ProbeResult.fail(ID, LabText.of("lab.metrics.wrong", N,
        String.join(", ", grew.subList(0, Math.min(4, grew.size()))) + (grew.size() > 4 ? ", ..." : "")));
  }

  /** Sample lines of the Prometheus text format, series (name and labels as written) to value. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int end = seriesEnd(line);
      if (end <= 0 || end >= line.length()) {
        continue;
      }
      String[] rest = line.substring(end).trim().split("\\s+");
      try {
        out.put(line.substring(0, end), value(rest[0]));
      } catch (NumberFormatException e) {
        // not a sample line; a lenient reader skips it as Prometheus would reject only that line
      }
    }
    return out;
  }

  /** Prometheus writes infinity as +Inf, which Java does not read. */
  private static double value(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** Where the series ends: after the closing '}' (label values may hold '}' inside quotes), or at the first blank. */
  private static int seriesEnd(String line) {
    int brace = line.indexOf('{');
    int blank = line.indexOf(' ');
    if (brace < 0 || (blank >= 0 && blank < brace)) {
      return blank;
    }
    boolean quoted = false;
    for (int i = brace + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i + 1;
      }
    }
    return -1;
  }
}

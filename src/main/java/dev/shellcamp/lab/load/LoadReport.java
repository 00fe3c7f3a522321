package dev.shellcamp.lab.load;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.LabText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one `lab load` run saw. Every latency is in milliseconds and counts from the request's
 * intended send time, so time spent waiting behind a stalled server is in it.
 *
 * @param sent requests sent inside the measured window (warm-up excluded)
 * @param achievedRate requests sent per second over the window the sends actually took
 * @param timeline one entry per second of the schedule, by intended send time
 * @param histogram log-scale buckets from the first to the last non-empty one
 * @param warnings each says "generator saturated:" first (in English) — the run measured the generator, not only the server
 */
public record LoadReport(LoadPlan plan, long sent, long ok, Errors errors, double achievedRate,
    Latency latency, List<Second> timeline, List<Bucket> histogram, List<LabText> warnings) {

  /** Failures by kind; {@code io} is a connection that opened and then broke (reset, closed early). */
  public record Errors(long connect, long timeout, SortedMap<Integer, Long> status, long body, long io) {
    public long total() {
      return connect + timeout + statusTotal() + body + io;
    }

    public long statusTotal() {
      return status.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Percentiles over every request that got a response or timed out; connect failures have no latency. */
  public record Latency(long count, double p50, double p90, double p95, double p99, double p999, double max, double mean) {}

  public record Second(int second, long sent, long ok, long errors, double p99) {}

  /** Requests whose latency fell in [from, to) milliseconds. */
  public record Bucket(double from, double to, long count) {}

  /** Requests the server answered with any HTTP response, right or wrong. */
  public long answered() {
    return ok + errors.statusTotal() + errors.body();
  }

  public boolean saturated() {
    return !warnings.isEmpty();
  }

  /** The document `--json` prints; snake_case keys, milliseconds rounded to the microsecond. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", plan.url().toString());
    m.put("method", plan.method());
    m.put("target_rate", plan.rate());
    m.put("achieved_rate", round(achievedRate));
    m.put("duration_s", plan.duration().toMillis() / 1000.0);
    m.put("warmup_s", plan.warmup().toMillis() / 1000.0);
    m.put("connections", plan.connections());
    m.put("timeout_s", plan.timeout().toMillis() / 1000.0);
    m.put("requests", Json.object("sent", sent, "ok", ok, "errors", errors.total(), "answered", answered()));
    Map<String, Object> byCode = new LinkedHashMap<>();
    errors.status().forEach((code, n) -> byCode.put(String.valueOf(code), n));
    m.put("errors", Json.object("connect", errors.connect(), "timeout", errors.timeout(), "status", byCode,
        "body", errors.body(), "io", errors.io()));
    m.put("latency_ms", Json.object("count", latency.count(), "p50", round(latency.p50()), "p90", round(latency.p90()),
        "p95", round(latency.p95()), "p99", round(latency.p99()), "p99_9", round(latency.p999()),
        "max", round(latency.max()), "mean", round(latency.mean())));
    m.put("timeline", Json.array(timeline, s -> Json.object("second", s.second(), "sent", s.sent(), "ok", s.ok(),
        "errors", s.errors(), "p99_ms", round(s.p99()))));
    m.put("histogram", Json.array(histogram, b -> Json.object("from_ms", b.from(), "to_ms", b.to(), "count", b.count())));
    m.put("saturated", saturated());
    m.put("warnings", new ArrayList<Object>(warnings.stream().map(LabText::toString).toList()));
    return m;
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}

package dev.shellcamp.lab.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by model, endpoint and status code, and a latency histogram by model and
 * endpoint, in the Prometheus text format. A request is recorded before its response is sent,
 * so a client that has its N answers always finds all N counted; /metrics itself is not counted.
 */
final class Metrics {
  private static final String[] LE = {"0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025",
      "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5"};
  private static final double[] BOUNDS = java.util.Arrays.stream(LE).mapToDouble(Double::parseDouble).toArray();

  // keyed by values, not label strings: a request then builds no string (they are made per scrape)
  private final Map<Code, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<Series, Histogram> latency = new ConcurrentHashMap<>();

  /** A model and endpoint: one latency histogram. */
  private record Series(String model, String endpoint) {
    String labels() {
      return "model=\"" + model + "\",endpoint=\"" + endpoint + "\"";
    }
  }

  /** A series and a status code: one request counter. */
  private record Code(Series series, int status) {
    String labels() {
      return series.labels() + ",code=\"" + status + "\"";
    }
  }

  /** One series' buckets; synchronized so that a scrape never sees a count without its bucket. */
  private static final class Histogram {
    final long[] buckets = new long[LE.length];
    long count;
    double sum;

    synchronized void record(double seconds) {
      for (int i = 0; i < BOUNDS.length; i++) {
        if (seconds <= BOUNDS[i]) {
          buckets[i]++;
        }
      }
      count++;
      sum += seconds;
    }

    synchronized void render(StringBuilder b, String labels) {
      for (int i = 0; i < LE.length; i++) {
        line(b, "shellcamp_lab_request_duration_seconds_bucket", labels + ",le=\"" + LE[i] + "\"", buckets[i]);
      }
      line(b, "shellcamp_lab_request_duration_seconds_bucket", labels + ",le=\"+Inf\"", count);
      b.append("shellcamp_lab_request_duration_seconds_sum{").append(labels).append("} ").append(sum).append('\n');
      line(b, "shellcamp_lab_request_duration_seconds_count", labels, count);
    }
  }

  /** {@code model} is "" for requests that name no model this server has (so a typo adds no series). */
  void record(String model, String endpoint, int status, long nanos) {
    Series series = new Series(model, endpoint);
    requests.computeIfAbsent(new Code(series, status), k -> new LongAdder()).increment();
    latency.computeIfAbsent(series, k -> new Histogram()).record(nanos / 1e9);
  }

  String render(long inFlight) {
    StringBuilder b = new StringBuilder(4096);
    b.append("# HELP shellcamp_lab_requests_total HTTP requests answered, by model, endpoint and status code.\n");
    b.append("# TYPE shellcamp_lab_requests_total counter\n");
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach((code, n) -> counts.put(code.labels(), n.sum()));
    counts.forEach((labels, n) -> line(b, "shellcamp_lab_requests_total", labels, n));
    b.append("# HELP shellcamp_lab_request_duration_seconds Time from reading a request to its answer being ready.\n");
    b.append("# TYPE shellcamp_lab_request_duration_seconds histogram\n");
    Map<String, Histogram> histograms = new TreeMap<>();
    latency.forEach((series, h) -> histograms.put(series.labels(), h));
    histograms.forEach((labels, h) -> h.render(b, labels));
    b.append("# HELP shellcamp_lab_in_flight_requests Requests being read, answered or waiting for a thread.\n");
    b.append("# TYPE shellcamp_lab_in_flight_requests gauge\n");
    b.append("shellcamp_lab_in_flight_requests ").append(inFlight).append('\n');
    return b.toString();
  }

  private static void line(StringBuilder b, String name, String labels, long value) {
    b.append(name).append('{').append(labels).append("} ").append(value).append('\n');
  }
}

package dev.shellcamp.lab.load;

import dev.shellcamp.lab.LabText;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Collects one run's outcomes from the scheduler thread and the HTTP client's completion
 * threads. Synchronized: at the rates a laptop can drive, a lock per request costs nothing
 * next to the request, and it keeps the counters and histograms consistent with each other.
 */
final class LoadRecorder {
  enum Outcome { OK, CONNECT, TIMEOUT, STATUS, BODY, IO }

  /** Past this, at p99, the generator was late on its own and the run measured it, not the server. */
  static final double LATE_MS = 10;

  // microseconds; auto-resizing, so a 60 s stall is recorded as exactly as a 60 µs answer
  private final Histogram latency = new Histogram(3);
  private final Histogram lateness = new Histogram(3);
  private final List<Sec> seconds = new ArrayList<>();
  private final SortedMap<Integer, Long> status = new TreeMap<>();
  private long sent;
  private long ok;
  private long connect;
  private long timeout;
  private long body;
  private long io;
  private long connectionWaits;
  private long lastSentNanos;

  /** One second of the schedule; two significant digits are plenty for a per-second p99. */
  private static final class Sec {
    long sent;
    long ok;
    long errors;
    final IntCountsHistogram latency = new IntCountsHistogram(2);
  }

  /**
   * @param lateNanos how late the generator woke for this slot, or negative where it went out
   *     late because an earlier request had to wait for a connection (the server's delay, not ours)
   */
  synchronized void sent(int second, long lateNanos, long sentAtNanos) {
    sent++;
    sec(second).sent++;
    if (lateNanos >= 0) {
      lateness.recordValue(lateNanos / 1000);
    } else {
      connectionWaits++;
    }
    lastSentNanos = Math.max(lastSentNanos, sentAtNanos);
  }

  synchronized boolean isEmpty() {
    return sent == 0;
  }

  synchronized void done(int second, Outcome outcome, int code, long latencyNanos) {
    Sec s = sec(second);
    switch (outcome) {
      case OK -> ok++;
      case CONNECT -> connect++;
      case TIMEOUT -> timeout++;
      case STATUS -> status.merge(code, 1L, Long::sum);
      case BODY -> body++;
      case IO -> io++;
    }
    if (outcome == Outcome.OK) {
      s.ok++;
    } else {
      s.errors++;
    }
    // a refused connection says nothing about how fast the server answers; a timeout does
    // (at least this long), so leaving timeouts out would hide exactly the stalls we look for
    if (outcome != Outcome.CONNECT) {
      long micros = Math.max(0, latencyNanos / 1000);
      latency.recordValue(micros);
      s.latency.recordValue(micros);
    }
  }

  private Sec sec(int second) {
    while (seconds.size() <= second) {
      seconds.add(new Sec());
    }
    return seconds.get(second);
  }

  /** @param windowStartNanos the intended send time of the first measured request */
  synchronized LoadReport report(LoadPlan plan, long windowStartNanos) {
    // a schedule kept perfectly gives exactly the target: N sends span (N - 1) periods, plus one
    double window = sent == 0 ? 0 : (lastSentNanos - windowStartNanos) / 1e9 + 1 / plan.rate();
    double achieved = window <= 0 ? 0 : sent / window;
    var errors = new LoadReport.Errors(connect, timeout, new TreeMap<>(status), body, io);
    var lat = latency.getTotalCount() == 0
        ? new LoadReport.Latency(0, 0, 0, 0, 0, 0, 0, 0)
        : new LoadReport.Latency(latency.getTotalCount(), ms(latency, 50), ms(latency, 90), ms(latency, 95),
            ms(latency, 99), ms(latency, 99.9), latency.getMaxValue() / 1000.0, latency.getMean() / 1000.0);
    List<LoadReport.Second> timeline = new ArrayList<>();
    for (int i = 0; i < seconds.size(); i++) {
      Sec s = seconds.get(i);
      double p99 = s.latency.getTotalCount() == 0 ? 0 : s.latency.getValueAtPercentile(99) / 1000.0;
      timeline.add(new LoadReport.Second(i + 1, s.sent, s.ok, s.errors, p99));
    }
    return new LoadReport(plan, sent, ok, errors, achieved, lat, timeline, buckets(), warnings(plan));
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  private List<LabText> warnings(LoadPlan plan) {
    List<LabText> w = new ArrayList<>();
    double lateP99 = lateness.getTotalCount() == 0 ? 0 : lateness.getValueAtPercentile(99) / 1000.0;
    if (lateP99 > LATE_MS) {
      w.add(LabText.of("lab.load.late", String.format(java.util.Locale.ROOT, "%.1f", lateP99), LoadRenderer.num(plan.rate())));
    }
    if (connectionWaits > 0) {
      w.add(LabText.of("lab.load.busy", plan.connections(), connectionWaits));
    }
    return w;
  }

  /** Log-scale buckets on a 1-2-5 ladder from 10 µs, from the first to the last one used. */
  private List<LoadReport.Bucket> buckets() {
    List<Long> edges = new ArrayList<>(List.of(0L));
    for (long decade = 10; edges.get(edges.size() - 1) <= latency.getMaxValue(); decade *= 10) {
      edges.add(decade);
      edges.add(decade * 2);
      edges.add(decade * 5);
    }
    long[] counts = new long[edges.size()];
    for (HistogramIterationValue v : latency.recordedValues()) {
      long value = latency.lowestEquivalentValue(v.getValueIteratedTo());
      int i = edges.size() - 1;
      while (edges.get(i) > value) {
        i--;
      }
      counts[i] += v.getCountAddedInThisIterationStep();
    }
    int first = 0;
    int last = counts.length - 1;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    while (last >= 0 && counts[last] == 0) {
      last--;
    }
    List<LoadReport.Bucket> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      long to = i + 1 < edges.size() ? edges.get(i + 1) : edges.get(i) * 2;
      out.add(new LoadReport.Bucket(edges.get(i) / 1000.0, to / 1000.0, counts[i]));
    }
    return out;
  }
}

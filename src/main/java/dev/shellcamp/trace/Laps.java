package dev.shellcamp.trace;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dshellcamp.trace=true}: where the time of one command goes, from its first key to the
 * next prompt waiting for a key. Each stamp ends the interval named after it; every 100 commands
 * stderr gets the median and 90th percentile of each interval, so a change can be judged by the
 * phase it touched rather than by a noisy total. Stamps come from several threads (the PTY reader
 * stamps the markers), so they are ordered by time, not by call. Off, a stamp costs one static
 * boolean test.
 */
public final class Laps {
  private static final boolean ON = Phases.on();
  private static final int REPORT_EVERY = Integer.getInteger("shellcamp.trace.every", 100);
  private static final List<String> names = new ArrayList<>();
  private static final List<Long> times = new ArrayList<>();
  private static final Map<String, List<Long>> intervals = new LinkedHashMap<>();
  private static final List<Long> totals = new ArrayList<>();
  private static boolean active;

  private Laps() {}

  /** A key was read at the prompt: the first one starts a command's clock. */
  public static void key() {
    if (ON) {
      synchronized (Laps.class) {
        if (!active) {
          active = true;
          names.clear();
          times.clear();
          stamp("key");
        }
      }
    }
  }

  /** Ends the interval since the stamp before it; ignored while no command is timed. */
  public static void at(String name) {
    if (ON) {
      synchronized (Laps.class) {
        if (active) {
          stamp(name);
        }
      }
    }
  }

  /**
   * The line editor waits for a key: after a line went to the shell (a {@code ran} stamp) this
   * ends the command; keys inside a line, the danger guard's question and {@code :} commands
   * restart the clock at the next key.
   */
  public static void waiting() {
    if (ON) {
      synchronized (Laps.class) {
        if (!active) {
          return;
        }
        if (names.contains("ran")) {
          stamp("prompt");
          record();
          active = false;
        } else if (names.contains("accepted")) {
          active = false;
        }
      }
    }
  }

  private static void stamp(String name) {
    names.add(name);
    times.add(System.nanoTime());
  }

  private static void record() {
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times.get(a), times.get(b)));
    for (int i = 1; i < order.length; i++) {
      intervals.computeIfAbsent(names.get(order[i]), k -> new ArrayList<>())
          .add(times.get(order[i]) - times.get(order[i - 1]));
    }
    totals.add(times.get(order[order.length - 1]) - times.get(order[0]));
    if (totals.size() % REPORT_EVERY == 0) {
      report(System.err);
    }
  }

  private static void report(PrintStream err) {
    err.printf("shellcamp.trace laps over %d commands (median / p90, ms; each interval ends at its stamp)%n",
        totals.size());
    for (Map.Entry<String, List<Long>> e : intervals.entrySet()) {
      err.printf("shellcamp.trace   %-14s %7.3f %7.3f  n=%d%n", e.getKey(), median(e.getValue()),
          p90(e.getValue()), e.getValue().size());
    }
    err.printf("shellcamp.trace   %-14s %7.3f %7.3f%n", "TOTAL", median(totals), p90(totals));
    intervals.clear();
    totals.clear();
  }

  private static double median(List<Long> xs) {
    long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
    return s[s.length / 2] / 1e6;
  }

  private static double p90(List<Long> xs) {
    long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
    return s[Math.min(s.length - 1, (int) (s.length * 0.9))] / 1e6;
  }
}

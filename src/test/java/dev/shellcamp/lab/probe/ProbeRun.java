package dev.shellcamp.lab.probe;

import dev.shellcamp.CommandRun;
import dev.shellcamp.cli.LabCheckCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `lab check` as the learner runs it, with its output captured; short load so tests stay fast. */
record ProbeRun(int code, String out, String err) {
  /** 20 req/s for 1 s after 200 ms: enough to exercise the SLO path, short enough for a test. */
  static final String[] QUICK = {"--duration", "1s", "--warmup", "200ms"};

  static ProbeRun check(String... args) {
    CommandRun r = CommandRun.of(new LabCheckCommand(), args);
    return new ProbeRun(r.code(), r.out(), r.err());
  }

  static ProbeRun quick(String url, String... more) {
    List<String> args = new ArrayList<>(List.of(url));
    args.addAll(List.of(QUICK));
    args.addAll(List.of(more));
    return check(args.toArray(String[]::new));
  }

  /**
   * {@link #quick} with an SLO no server misses: for tests about other cases, which a loaded
   * machine (two cores, five builds) must not fail through the latency case.
   */
  static ProbeRun lenient(String url, String... more) {
    List<String> args = new ArrayList<>(List.of("--slo-p95", "5s", "--slo-p99", "5s"));
    args.addAll(List.of(more));
    return quick(url, args.toArray(String[]::new));
  }

  /** The text line of one case ("✗ nan-in-data  expected ..."), or fails the test when there is none. */
  String line(String id) {
    Matcher m = Pattern.compile("(?m)^[✓✗!-] " + Pattern.quote(id) + " .*$").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no line for case " + id + " in\n" + out + err);
    }
    return m.group();
  }

  /** The heading a case is shown under: the last line above it that is not a case. */
  String heading(String id) {
    String heading = null;
    for (String l : out.split("\n")) {
      if (!l.matches("^[✓✗!-] .*")) {
        heading = l;
      } else if (l.matches("^[✓✗!-] " + Pattern.quote(id) + " .*")) {
        return heading;
      }
    }
    throw new AssertionError("no line for case " + id + " in\n" + out + err);
  }

  /** Fails unless case {@code id} was answered with {@code status} (its line reads "... 413 in 2 ms ..."). */
  void assertStatus(String id, int status) {
    org.junit.jupiter.api.Assertions.assertTrue(line(id).contains(" " + status + " in "), all());
  }

  /** Everything, for assertion messages. */
  String all() {
    return "exit " + code + "\n" + out + err;
  }
}

package dev.shellcamp.lab.probe;

import dev.shellcamp.ui.Messages;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one probe run, as text for a person and as one JSON document for a script.
 *
 * @param spokeHttp whether any request got an HTTP answer; false when the port belongs to something else
 */
public record ProbeReport(URI base, String model, boolean spokeHttp, List<ProbeResult> results) {
  public long count(ProbeResult.Status s) {
    return results.stream().filter(r -> r.status() == s).count();
  }

  /** Skipped cases do not fail a run: a server without /metrics is graded on the rest. */
  public boolean allPassed() {
    return count(ProbeResult.Status.FAILED) == 0;
  }

  /** "case `nan-in-data`: expected 4xx (400 or 422), got 500 after 3 ms", or null when nothing failed. */
  public String firstFailure(Messages m) {
    return results.stream().filter(r -> r.status() == ProbeResult.Status.FAILED).findFirst()
        .map(r -> m.get("lab.check.case", r.id(), r.reason().in(m))).orElse(null);
  }

  /** Plain text, no colour: it reads the same in a pipe, under NO_COLOR and in a lesson transcript. */
  public String render(Messages m) {
    int width = results.stream().mapToInt(r -> r.id().length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    b.append(m.get("lab.check.title", base, model)).append('\n');
    for (ProbeResult r : results) {
      String mark = switch (r.status()) {
        case PASSED -> "✓";
        case FAILED -> "✗";
        case SKIPPED -> "-";
      };
      b.append(mark).append(' ').append(String.format("%-" + width + "s", r.id())).append("  ")
          .append(r.reason().in(m)).append('\n');
    }
    b.append(summary(m)).append('\n');
    return b.toString();
  }

  public String summary(Messages m) {
    return m.get("lab.check.summary", count(ProbeResult.Status.PASSED), count(ProbeResult.Status.FAILED),
        count(ProbeResult.Status.SKIPPED));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", base.toString());
    m.put("model", model);
    m.put("passed", count(ProbeResult.Status.PASSED));
    m.put("failed", count(ProbeResult.Status.FAILED));
    m.put("skipped", count(ProbeResult.Status.SKIPPED));
    m.put("ok", allPassed());
    m.put("spoke_http", spokeHttp);
    m.put("cases", results.stream().map(ProbeResult::toJson).toList());
    return m;
  }
}

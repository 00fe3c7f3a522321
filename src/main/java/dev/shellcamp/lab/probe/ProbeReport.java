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

  /** Warned and skipped cases do not fail a run: a server without /metrics is graded on the protocol. */
  public boolean allPassed() {
    return count(ProbeResult.Status.FAILED) == 0;
  }

  /** "case `nan-in-data`: expected 4xx (400 or 422), got 500 after 3 ms", or null when nothing failed. */
  public String firstFailure(Messages m) {
    return results.stream().filter(r -> r.status() == ProbeResult.Status.FAILED).findFirst()
        .map(r -> m.get("lab.check.case", r.id(), r.reason().in(m))).orElse(null);
  }

  /** The ids of the cases that warned: hardening advice the run passes without. */
  public List<String> warnings() {
    return results.stream().filter(r -> r.status() == ProbeResult.Status.WARNED).map(ProbeResult::id).toList();
  }

  /**
   * Plain text, no colour: it reads the same in a pipe, under NO_COLOR and in a lesson transcript.
   * Cases are shown under the section they rest on, protocol first and advice last, each section
   * in the order its cases ran.
   */
  public String render(Messages m) {
    int width = results.stream().mapToInt(r -> r.id().length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    b.append(m.get("lab.check.title", base, model)).append('\n');
    for (ProbeSection section : ProbeSection.values()) {
      List<ProbeResult> in = results.stream().filter(r -> r.section() == section).toList();
      if (!in.isEmpty()) {
        b.append(section.heading().in(m)).append('\n');
      }
      for (ProbeResult r : in) {
        String mark = switch (r.status()) {
          case PASSED -> "✓";
          case FAILED -> "✗";
          case WARNED -> "!";
          case SKIPPED -> "-";
        };
        b.append(mark).append(' ').append(String.format("%-" + width + "s", r.id())).append("  ")
            .append(r.reason().in(m)).append('\n');
      }
    }
    b.append(summary(m)).append('\n');
    if (!warnings().isEmpty()) {
      b.append(m.get("lab.check.warnings", String.join(", ", warnings()))).append('\n');
    }
    return b.toString();
  }

  public String summary(Messages m) {
    return m.get("lab.check.summary", count(ProbeResult.Status.PASSED), count(ProbeResult.Status.FAILED),
        count(ProbeResult.Status.WARNED), count(ProbeResult.Status.SKIPPED));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", base.toString());
    m.put("model", model);
    m.put("passed", count(ProbeResult.Status.PASSED));
    m.put("failed", count(ProbeResult.Status.FAILED));
    m.put("warned", count(ProbeResult.Status.WARNED));
    m.put("skipped", count(ProbeResult.Status.SKIPPED));
    m.put("ok", allPassed());
    m.put("warnings", warnings());
    m.put("spoke_http", spokeHttp);
    m.put("cases", results.stream().map(ProbeResult::toJson).toList());
    return m;
  }
}

package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One case of the probe suite: passed, failed or skipped, with the sentence that says why.
 *
 * @param details extra figures for {@code --json} (the latency case's percentiles), empty for most cases
 */
public record ProbeResult(String id, Status status, LabText reason, Map<String, Object> details) {
  public enum Status { PASSED, FAILED, SKIPPED }

  static ProbeResult pass(String id, LabText reason) {
    return new ProbeResult(id, Status.PASSED, reason, Map.of());
  }

  static ProbeResult fail(String id, LabText reason) {
    return new ProbeResult(id, Status.FAILED, reason, Map.of());
  }

  static ProbeResult skip(String id, LabText reason) {
    return new ProbeResult(id, Status.SKIPPED, reason, Map.of());
  }

  ProbeResult with(Map<String, Object> more) {
    return new ProbeResult(id, status, reason, more);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    m.put("reason", reason.toString()); // English: scripts read it
    if (!details.isEmpty()) {
      m.put("details", details);
    }
    return m;
  }
}

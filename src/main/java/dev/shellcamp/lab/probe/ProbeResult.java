package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One case of the probe suite: passed, failed, warned or skipped, with the sentence that says why
 * and the section of the protocol (or the hardening advice) it rests on.
 *
 * @param section null only until the suite files the case under one ({@link #in})
 * @param details extra figures for {@code --json} (the latency case's percentiles), empty for most cases
 */
public record ProbeResult(String id, ProbeSection section, Status status, LabText reason, Map<String, Object> details) {
  /** WARNED: the case failed, but it is advice the protocol does not ask for, so the run still passes. */
  public enum Status { PASSED, FAILED, WARNED, SKIPPED }

  static ProbeResult pass(String id, LabText reason) {
    return new ProbeResult(id, null, Status.PASSED, reason, Map.of());
  }

  static ProbeResult fail(String id, LabText reason) {
    return new ProbeResult(id, null, Status.FAILED, reason, Map.of());
  }

  static ProbeResult skip(String id, LabText reason) {
    return new ProbeResult(id, null, Status.SKIPPED, reason, Map.of());
  }

  ProbeResult with(Map<String, Object> more) {
    return new ProbeResult(id, section, status, reason, more);
  }

  /** Filed under {@code s}: a failure there is a warning where the protocol does not require it. */
  ProbeResult in(ProbeSection s) {
    Status graded = status == Status.FAILED && !s.required() ? Status.WARNED : status;
    return new ProbeResult(id, s, graded, reason, details);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("status", status.name().toLowerCase(Locale.ROOT));
    m.put("section", section.id());
    m.put("required", section.required());
    m.put("reason", reason.toString()); // English: scripts read it
    if (!details.isEmpty()) {
      m.put("details", details);
    }
    return m;
  }
}

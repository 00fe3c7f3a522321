package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import java.util.Locale;

/**
 * What a probe case rests on: a section of the Open Inference Protocol V2 (KServe, REST), the
 * objective the person running the probe set, or hardening that no protocol asks for. Only the
 * first two can fail a run; a server written to the protocol by someone else must pass, and the
 * probe's own taste (a body limit, /metrics) is advice it shows as a warning.
 */
public enum ProbeSection {
  /** GET /v2/health/live and /v2/health/ready: 200 means live, ready. */
  HEALTH(true),
  /** GET /v2: {"name", "version", "extensions"}. */
  SERVER_METADATA(true),
  /** GET /v2/models/{name}: name, inputs and outputs as {name, datatype, shape}. */
  MODEL_METADATA(true),
  /** GET /v2/models/{name}/ready. */
  MODEL_READY(true),
  /** POST /v2/models/{name}/infer: the request and response JSON, the echoed "id". */
  INFERENCE(true),
  /** A request the protocol cannot take: an error status (4xx) and {"error": "..."}. */
  ERRORS(true),
  /** The --slo-p95/--slo-p99 the caller asked for: not the protocol's, but asked for, so it can fail. */
  OBJECTIVE(true),
  /** Not in the protocol: a body limit, refusing unknown names or content types, /metrics. */
  HARDENING(false);

  private final boolean required;

  ProbeSection(boolean required) {
    this.required = required;
  }

  /** Whether a failed case here fails the run; otherwise it is a warning. */
  public boolean required() {
    return required;
  }

  /** "model-metadata": the name --json writes. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  LabText heading() {
    return LabText.of("lab.section." + id());
  }
}

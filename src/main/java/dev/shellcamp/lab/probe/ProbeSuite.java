package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.load.LoadGenerator;
import dev.shellcamp.lab.load.LoadPlan;
import dev.shellcamp.lab.load.LoadRenderer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shellcamp lab check}: grades any server that speaks the Open Inference Protocol over
 * HTTP/JSON — the built-in one, or a learner's own — by real requests: health and metadata, a
 * golden set, bad input that must get a 4xx with {"error"} and leave the server serving, and a
 * latency SLO; then hardening the protocol does not ask for (a body limit, /metrics counters),
 * which warns instead of failing. Cases run one after another in a fixed order, so a report is
 * repeatable.
 */
public final class ProbeSuite {
  /**
   * @param base the server's base URL, e.g. http://127.0.0.1:8000
   * @param warmup load sent before the latency window, so a JIT or a first connection is not graded
   * @param timeout per request: a server that takes longer has hung, as far as the probe is concerned
   */
  public record Options(URI base, String model, double rate, Duration duration, Duration warmup, Duration sloP95,
      Duration sloP99, Duration timeout) {
    public Options {
      ProbeModel.named(model);
      if (!(rate > 0) || rate > LoadPlan.MAX_RATE) {
        throw new IllegalArgumentException("--rate must be more than 0 and at most " + (long) LoadPlan.MAX_RATE
            + " requests a second, not " + LoadRenderer.num(rate));
      }
      positive("--duration", duration);
      positive("--slo-p95", sloP95);
      positive("--slo-p99", sloP99);
      positive("--timeout", timeout);
      if (warmup.isNegative()) {
        throw new IllegalArgumentException("--warmup cannot be negative");
      }
    }

    /** The documented defaults: half_plus_two, 20 req/s for 5 s, p95 50 ms, p99 100 ms. */
    public static Options defaults(URI base) {
      return new Options(base, "half_plus_two", 20, Duration.ofSeconds(5), Duration.ofSeconds(1),
          Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private static void positive(String option, Duration d) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(option + " must be longer than 0");
      }
    }
  }

  private ProbeSuite() {}

  /** Null when something listens at the URL's host and port, otherwise why nothing does. */
  public static LabText unreachable(Options o) {
    return LoadGenerator.unreachable(o.base(), o.timeout());
  }

  public static ProbeReport run(Options o) throws InterruptedException {
    ProbeModel model = ProbeModel.named(o.model());
    ProbeHttp http = new ProbeHttp(o.base(), o.timeout());
    ProbeProtocol protocol = new ProbeProtocol(http, model);
    List<ProbeResult> results = new ArrayList<>();
    protocol.run(results);
    for (ProbeBadInput bad : ProbeBadInput.all(model)) {
      results.add(badInput(http, protocol, model, bad).in(bad.section()));
    }
    results.add(ProbeLatency.check(o, model, http).in(ProbeSection.OBJECTIVE));
    results.add(ProbeMetrics.check(http, model).in(ProbeSection.HARDENING));
    return new ProbeReport(o.base(), model.name(), http.answered() > 0, results);
  }

  private static ProbeResult badInput(ProbeHttp http, ProbeProtocol protocol, ProbeModel m, ProbeBadInput bad) {
    if (bad.id().equals("unknown-input") && protocol.declaredInputs().isEmpty()) {
      return ProbeResult.skip(bad.id(), LabText.of("lab.bad.skip-no-inputs"));
    }
    String path = bad.path() != null ? bad.path() : protocol.inferPath();
    ProbeHttp.Answer a = http.post(path, bad.body(), bad.contentType());
    LabText got = a.describe();
    if (a.status() / 100 == 2) {
      return ProbeResult.fail(bad.id(), LabText.of("lab.bad.accepted", bad.expected(), got, bad.mistake()));
    }
    if (!bad.accepted().contains(a.status())) {
      return ProbeResult.fail(bad.id(), LabText.of(a.status() >= 500 ? "lab.bad.5xx" : "lab.bad.status", bad.expected(), got));
    }
    if (!saysError(a)) {
      return ProbeResult.fail(bad.id(), LabText.of("lab.bad.error-body", a.status(),
          a.body().isBlank() ? LabText.of("lab.bad.error-body.empty") : a.excerpt()));
    }
    // the same good request the golden set checked: right after a bad one it must still be right
    ProbeHttp.Answer next = http.post(protocol.inferPath(), m.request(m.first()));
    LabText broken = ProbeGolden.problem(next, m.first());
    if (broken != null) {
      return ProbeResult.fail(bad.id(), LabText.of("lab.bad.then-broken", a.status(), broken));
    }
    return ProbeResult.pass(bad.id(), LabText.of("lab.bad.ok", a.status(), a.millis()));
  }

  /** V2's error response: a JSON object whose "error" is a string (more fields are allowed). */
  private static boolean saysError(ProbeHttp.Answer a) {
    try {
      return a.json() instanceof Map<?, ?> m && m.get("error") instanceof String;
    } catch (JsonException e) {
      return false;
    }
  }
}

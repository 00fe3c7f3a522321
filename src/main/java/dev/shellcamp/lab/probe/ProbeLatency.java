package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.load.LoadGenerator;
import dev.shellcamp.lab.load.LoadPlan;
import dev.shellcamp.lab.load.LoadRenderer;
import dev.shellcamp.lab.load.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code latency-slo} case: the load generator sends the golden request open-loop at the
 * stated rate, and p95 and p99 (from each request's intended send time, so stalls count) must
 * be within the SLO with no request failing.
 */
final class ProbeLatency {
  static final String ID = "latency-slo";
  /** Enough for a server that keeps up with the rate; a slow one shows as latency, not as lost requests. */
  private static final int CONNECTIONS = 16;

  private ProbeLatency() {}

  static ProbeResult check(ProbeSuite.Options o, ProbeModel m, ProbeHttp http) throws InterruptedException {
    LoadPlan plan = new LoadPlan(http.uri("/v2/models/" + m.name() + "/infer"), o.rate(), o.duration(), o.warmup(),
        CONNECTIONS, o.timeout(), "POST", m.request(m.first()), "\"outputs\"");
    LoadReport r = new LoadGenerator(plan).run();
    LoadReport.Latency l = r.latency();
    double slo95 = o.sloP95().toNanos() / 1e6;
    double slo99 = o.sloP99().toNanos() / 1e6;
    LabText figures = LabText.of("lab.slo.figures", LoadRenderer.ms(l.p95()), LoadRenderer.num(slo95),
        LoadRenderer.ms(l.p99()), LoadRenderer.num(slo99), String.format(java.util.Locale.ROOT, "%.1f", r.achievedRate()),
        LoadRenderer.num(o.rate()), LoadRenderer.seconds(o.duration()));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("target_rate", o.rate());
    d.put("achieved_rate", Math.round(r.achievedRate() * 10) / 10.0);
    d.put("sent", r.sent());
    d.put("ok", r.ok());
    d.put("errors", r.errors().total());
    d.put("p95_ms", l.p95());
    d.put("p99_ms", l.p99());
    d.put("slo_p95_ms", slo95);
    d.put("slo_p99_ms", slo99);
    d.put("warnings", r.warnings().stream().map(LabText::toString).toList());
    // a saturated generator measured itself too: say so beside a failure, since the server may be fine
    Object caveat = r.saturated() ? LabText.of("lab.slo.caveat", r.warnings().get(0)) : "";
    if (r.sent() == 0) {
      return ProbeResult.fail(ID, LabText.of("lab.slo.none-sent")).with(d);
    }
    if (r.errors().total() > 0) {
      return ProbeResult.fail(ID, LabText.of("lab.slo.failed", r.errors().total(), r.sent(), errors(r.errors()), figures,
          caveat)).with(d);
    }
    if (l.p95() > slo95 || l.p99() > slo99) {
      return ProbeResult.fail(ID, LabText.of("lab.slo.over", l.p95() > slo95 ? "p95" : "p99", figures, caveat)).with(d);
    }
    return ProbeResult.pass(ID, LabText.of("lab.slo.ok", figures, r.ok(), r.sent())).with(d);
  }

  private static LabText errors(LoadReport.Errors e) {
    List<LabText> parts = new ArrayList<>();
    e.status().forEach((code, n) -> parts.add(LabText.of("lab.slo.err.status", n, code)));
    append(parts, e.connect(), "lab.slo.err.connect");
    append(parts, e.timeout(), "lab.slo.err.timeout");
    append(parts, e.body(), "lab.slo.err.body");
    append(parts, e.io(), "lab.slo.err.io");
    return LabText.joined(", ", parts);
  }

  private static void append(List<LabText> parts, long n, String key) {
    if (n > 0) {
      parts.add(LabText.of(key, n));
    }
  }
}

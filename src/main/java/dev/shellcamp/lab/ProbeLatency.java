package dev.shellcamp.lab;

import java.util.LinkedHashMap;
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
    String figures = "p95 " + LoadRenderer.ms(l.p95()) + " ms (SLO " + LoadRenderer.num(slo95) + " ms), p99 "
        + LoadRenderer.ms(l.p99()) + " ms (SLO " + LoadRenderer.num(slo99) + " ms) at "
        + String.format(java.util.Locale.ROOT, "%.1f", r.achievedRate()) + " of " + LoadRenderer.num(o.rate())
        + " req/s for " + LoadRenderer.seconds(o.duration());
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
    d.put("warnings", r.warnings());
    // a saturated generator measured itself too: say so beside a failure, since the server may be fine
    String caveat = r.saturated() ? " (" + r.warnings().get(0) + ")" : "";
    if (r.sent() == 0) {
      return ProbeResult.fail(ID, "no request was sent in the measured window").with(d);
    }
    if (r.errors().total() > 0) {
      return ProbeResult.fail(ID, r.errors().total() + " of " + r.sent() + " requests failed ("
          + errors(r.errors()) + "); " + figures + caveat).with(d);
    }
    if (l.p95() > slo95 || l.p99() > slo99) {
      String over = l.p95() > slo95 ? "p95 is over its SLO" : "p99 is over its SLO";
      return ProbeResult.fail(ID, over + ": " + figures + caveat).with(d);
    }
    return ProbeResult.pass(ID, figures + ", " + r.ok() + "/" + r.sent() + " ok").with(d);
  }

  private static String errors(LoadReport.Errors e) {
    StringBuilder b = new StringBuilder();
    e.status().forEach((code, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(" × status ").append(code));
    append(b, e.connect(), "connection refused");
    append(b, e.timeout(), "timed out");
    append(b, e.body(), "200 without \"outputs\"");
    append(b, e.io(), "broken connection");
    return b.toString();
  }

  private static void append(StringBuilder b, long n, String what) {
    if (n > 0) {
      b.append(b.length() == 0 ? "" : ", ").append(n).append(" × ").append(what);
    }
  }
}

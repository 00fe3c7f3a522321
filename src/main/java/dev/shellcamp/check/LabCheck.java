package dev.shellcamp.check;

import dev.shellcamp.lab.probe.ProbeReport;
import dev.shellcamp.lab.probe.ProbeSuite;
import dev.shellcamp.lesson.CheckSpec;
import java.net.URI;
import java.time.Duration;

/**
 * The serving lab's probe suite against a learner's server: health, metadata, golden values,
 * bad input answered with 4xx, a latency SLO and /metrics. The first failing case is the reason.
 */
final class LabCheck {
  private LabCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    ProbeSuite.Options d;
    try {
      d = ProbeSuite.Options.defaults(URI.create(spec.string("url")));
      d = new ProbeSuite.Options(d.base(), spec.has("model") ? spec.string("model") : d.model(),
          spec.has("rate") ? Integer.parseInt(spec.string("rate")) : d.rate(),
          spec.has("seconds") ? Duration.ofSeconds(Integer.parseInt(spec.string("seconds"))) : d.duration(),
          d.warmup(), d.sloP95(), d.sloP99(), d.timeout());
    } catch (IllegalArgumentException e) {
      return Result.fail(ctx.messages().get("check.error", "lab", e.getMessage()));
    }
    var down = ProbeSuite.unreachable(d);
    if (down != null) {
      return Result.fail(ctx.messages().get("check.lab.down", d.base(), down.in(ctx.messages())));
    }
    try {
      ProbeReport report = ProbeSuite.run(d);
      return report.allPassed() ? Result.PASS
          : Result.fail(report.firstFailure(ctx.messages()) + "\n" + report.summary(ctx.messages()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.fail(ctx.messages().get("check.error", "lab", ctx.messages().get("lab.http.interrupted")));
    }
  }
}

package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.load.LoadPlan;
import dev.shellcamp.lab.probe.ProbeReport;
import dev.shellcamp.lab.probe.ProbeSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `shellcamp lab check URL`: the probe suite; public so the `lab` group and tests can build it. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Grade a model server speaking the Open Inference Protocol (KServe V2): health, metadata, "
        + "golden answers, bad input and a latency SLO; hardening V2 does not ask for (a body limit, /metrics) "
        + "only warns. Exit 0: no case failed (warnings allowed), 1: a case failed, 3: nothing answers at URL.")
public final class LabCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "the server's base URL, e.g. http://127.0.0.1:8000")
  String url = null;

  @Option(names = "--model", description = "half_plus_two or iris (default: ${DEFAULT-VALUE})")
  String model = "half_plus_two";

  @Option(names = "--rate", description = "requests a second for the latency SLO (default: ${DEFAULT-VALUE})")
  double rate = 20;

  @Mixin LabTiming timing = new LabTiming("5s", "1s", "5s");

  @Option(names = "--slo-p95", description = "95th percentile latency must be at most this (default: ${DEFAULT-VALUE})")
  String sloP95 = "50ms";

  @Option(names = "--slo-p99", description = "99th percentile latency must be at most this (default: ${DEFAULT-VALUE})")
  String sloP99 = "100ms";

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var m = LabLang.messages(spec);
    ProbeSuite.Options o;
    try {
      o = new ProbeSuite.Options(LoadPlan.parseUrl(url), model, rate, timing.duration(), timing.warmup(),
          LoadPlan.parseDuration("--slo-p95", sloP95), LoadPlan.parseDuration("--slo-p99", sloP99), timing.timeout());
    } catch (IllegalArgumentException e) {
      err.println("lab check: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    LabText down = ProbeSuite.unreachable(o);
    if (down != null) {
      if (timing.json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", url);
        doc.put("error", LabText.ENGLISH.get("lab.down", url, down));
        out.println(Json.write(doc));
      }
      err.println("lab check: " + m.get("lab.down", url, down.in(m)));
      return ExitCodes.ENVIRONMENT;
    }
    ProbeReport report = ProbeSuite.run(o);
    out.print(timing.json ? Json.write(report.toJson()) + "\n" : report.render(m));
    out.flush();
    if (!report.spokeHttp()) {
      err.println("lab check: " + m.get("lab.check.no-http", url));
      return ExitCodes.ENVIRONMENT;
    }
    return report.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}

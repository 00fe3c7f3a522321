package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.load.LoadGenerator;
import dev.shellcamp.lab.load.LoadPlan;
import dev.shellcamp.lab.load.LoadRenderer;
import dev.shellcamp.lab.load.LoadReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `shellcamp lab load URL`: an open-loop load test; public so the `lab` group and tests can build it. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Send requests to URL at a fixed rate and report latency from each request's intended send time.")
public final class LabLoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "e.g. http://127.0.0.1:8080/v2/models/half_plus_two/infer")
  String url = null;

  @Option(names = "--rate", required = true, description = "requests a second, kept whatever the server does")
  double rate = 0;

  @Mixin LabTiming timing = new LabTiming("10s", "2s", "2s");

  @Option(names = "--connections", description = "most requests in flight at once (default: ${DEFAULT-VALUE})")
  int connections = 32;

  @Option(names = "--method", description = "HTTP method (default: ${DEFAULT-VALUE})")
  String method = "POST";

  @Option(names = "--body", description = "request body (default for POST: a V2 infer request for half_plus_two)")
  String body = null;

  @Option(names = "--body-file", description = "read the request body from this file")
  Path bodyFile = null;

  @Option(names = "--expect", description = "a substring every 2xx response body must contain")
  String expect = null;

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var m = LabLang.messages(spec);
    LoadPlan plan;
    try {
      plan = plan();
    } catch (IllegalArgumentException e) {
      err.println("lab load: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    var down = LoadGenerator.unreachable(plan.url(), plan.timeout());
    if (down != null) {
      err.println("lab load: " + m.get("lab.down", plan.url(), down.in(m)));
      return ExitCodes.ENVIRONMENT;
    }
    LoadReport report = new LoadGenerator(plan).run();
    out.print(timing.json ? Json.write(report.toJson()) + "\n" : LoadRenderer.render(report, m));
    out.flush();
    if (report.sent() > 0 && report.answered() == 0) {
      err.println("lab load: " + m.get("lab.load.no-http", plan.url()));
      return ExitCodes.ENVIRONMENT;
    }
    return ExitCodes.OK;
  }

  private LoadPlan plan() {
    URI u = LoadPlan.parseUrl(url);
    Duration d = timing.duration();
    Duration w = timing.warmup();
    Duration t = timing.timeout();
    if (body != null && bodyFile != null) {
      throw new IllegalArgumentException("give --body or --body-file, not both");
    }
    String b = body != null ? body : bodyFile != null ? read(bodyFile) : LoadPlan.defaultBody(method);
    return new LoadPlan(u, rate, d, w, connections, t, method, b, expect);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new IllegalArgumentException("--body-file: cannot read " + file + " (" + why + ")");
    }
  }
}

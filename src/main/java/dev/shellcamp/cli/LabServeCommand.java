package dev.shellcamp.cli;

import dev.shellcamp.lab.server.LabServer;
import java.io.IOException;
import java.net.BindException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the lab's models (Open Inference Protocol / KServe V2 over HTTP) until stopped.")
final class LabServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST",
      description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port = 8000;

  @Option(names = "--model", paramLabel = "NAME", description = "serve only this model (default: all)")
  String model = null;

  @Override
  public Integer call() throws InterruptedException {
    var err = spec.commandLine().getErr();
    var m = LabLang.messages(spec);
    if (!ServePort.valid(port, err, m)) {
      return ExitCodes.USAGE;
    }
    LabServer server;
    try {
      server = LabServer.start(new LabServer.Options(host, port, model, version()));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    } catch (BindException e) {
      String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("in use")
          ? m.get("lab.serve.in-use") : e.getMessage();
      err.println(m.get("lab.serve.cannot-listen", host + ":" + port, why));
      return ExitCodes.ENVIRONMENT;
    } catch (IOException e) {
      err.println(m.get("lab.serve.cannot-listen", host + ":" + port, e.getMessage()));
      return ExitCodes.ENVIRONMENT;
    }
    var out = spec.commandLine().getOut();
    out.println(m.get("lab.serve.serving", String.join(", ", server.models()), server.url()));
    out.flush();
    server.awaitShutdown();
    return ExitCodes.OK;
  }

  /** shellcamp's version for /v2, from the root command's "shellcamp X.Y.Z"; "dev" when run on its own. */
  private String version() {
    String[] v = spec.root().version();
    return v.length == 0 ? "dev" : v[0].substring(v[0].lastIndexOf(' ') + 1);
  }
}

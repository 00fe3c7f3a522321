package dev.shellcamp.cli;

import dev.shellcamp.classroom.ClassServer;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.sandbox.SandboxException;
import dev.shellcamp.sandbox.Setup;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start a class: prints the code learners join with and the instructor's board link, then serves until stopped.")
final class ClassServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default: ${DEFAULT-VALUE}, every interface)")
  String host = "0.0.0.0";

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port = 8700;

  @Option(names = "--db", paramLabel = "PATH|URL",
      description = "an SQLite file (default: $XDG_DATA_HOME/shellcamp/class.db) or postgresql://user:pass@host/db")
  String db = null;

  @Option(names = "--stuck-minutes", paramLabel = "N", description = "a learner this long on one step looks stuck (default: ${DEFAULT-VALUE})")
  int stuckMinutes = 10;

  @Option(names = "--stuck-fails", paramLabel = "K", description = "a learner with this many failed checks on one step looks stuck (default: ${DEFAULT-VALUE})")
  int stuckFails = 3;

  @Option(names = "--sandbox", paramLabel = "KIND",
      description = "none (default: learners run shellcamp themselves), docker (a container per learner on this host) or kubernetes (a pod per learner)")
  String sandbox = "none";

  @Mixin SandboxLimits limits;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var m = LabLang.messages(spec);
    if (!ServePort.valid(port, err, m)) {
      return ExitCodes.USAGE;
    }
    if (stuckMinutes < 1 || stuckFails < 1) {
      err.println(m.get("class.serve.stuck", stuckMinutes, stuckFails));
      return ExitCodes.USAGE;
    }
    Setup setup = null;
    if (!sandbox.equals("none")) {
      if (!sandbox.equals("docker") && !sandbox.equals("kubernetes")) {
        err.println(m.get("class.serve.sandbox", sandbox));
        return ExitCodes.USAGE;
      }
      try {
        setup = new Setup(sandbox, limits.image, limits.namespace, limits.limits());
      } catch (IllegalArgumentException e) {
        err.println(m.get("class.serve.limits", e.getMessage()));
        return ExitCodes.USAGE;
      }
    }
    String store = db;
    if (store == null) {
      Files.createDirectories(ProgressStore.dataHome());
      store = ProgressStore.dataHome().resolve("class.db").toString();
    }
    ClassServer server;
    try {
      server = ClassServer.start(new ClassServer.Options(host, port, store, stuckMinutes, stuckFails, setup));
    } catch (BindException e) {
      err.println(m.get("lab.serve.cannot-listen", host + ":" + port, m.get("lab.serve.in-use")));
      return ExitCodes.ENVIRONMENT;
    } catch (IOException e) {
      err.println(m.get("lab.serve.cannot-listen", host + ":" + port, e.getMessage()));
      return ExitCodes.ENVIRONMENT;
    } catch (SandboxException e) {
      err.println(m.get("class.serve.sandbox-failed", sandbox, e.getMessage()));
      return ExitCodes.ENVIRONMENT;
    } catch (Exception e) {
      err.println(m.get("class.serve.store-failed", store.replaceAll(":[^:@/]*@", ":…@"), rootCause(e)));
      return ExitCodes.ENVIRONMENT;
    }
    var out = spec.commandLine().getOut();
    // the first two lines are a contract (DESIGN.md section 7): scripts read them
    out.println("code: " + server.code());
    out.println("board: " + server.boardUrl());
    out.println(setup == null ? m.get("class.serve.join", server.url(), server.code())
        : m.get("class.serve.join-sandbox", server.url() + "/", server.code(), setup.kind()));
    out.println(m.get("class.serve.store", server.store()));
    out.println(m.get("class.serve.stop"));
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        // stopping anyway; the store's last commit is already on disk
      }
    }, "class-stop"));
    server.join();
    return ExitCodes.OK;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return msg.lines().findFirst().orElse(msg);
  }
}

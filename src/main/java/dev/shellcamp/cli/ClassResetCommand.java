package dev.shellcamp.cli;

import dev.shellcamp.classroom.ClassServer;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.sandbox.Setup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Remove the class's sandboxes and their volumes (the learners' workspaces): exactly what this class made, by label, nothing else.")
final class ClassResetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "PATH|URL", description = "the class's store, as given to class serve")
  String db = null;

  @Option(names = "--sandbox", paramLabel = "KIND", description = "docker (default) or kubernetes")
  String sandbox = "docker";

  @Mixin SandboxLimits limits;

  @Override
  public Integer call() throws Exception {
    var m = LabLang.messages(spec);
    String store = db != null ? db : ProgressStore.dataHome().resolve("class.db").toString();
    try {
      int n = ClassServer.resetSandboxes(store, new Setup(sandbox, limits.image, limits.namespace, limits.limits()));
      spec.commandLine().getOut().println(m.get("class.reset.done", n, store));
      return ExitCodes.OK;
    } catch (Exception e) {
      spec.commandLine().getErr().println(m.get("class.reset.failed", store, e.getMessage()));
      return ExitCodes.ENVIRONMENT;
    }
  }
}

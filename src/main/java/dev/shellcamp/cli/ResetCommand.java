package dev.shellcamp.cli;

import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.run.LessonDocker;
import dev.shellcamp.run.Workspace;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true, description = "Forget a lesson's progress and workspace, or all of them.")
final class ResetCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  static final class Target {
    @Parameters(paramLabel = "LESSON", description = "a lesson id") String id;
    @Option(names = "--all", description = "every lesson") boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target = null;

  @Override
  public Integer call() throws IOException {
    var env = root.env();
    var store = env.store();
    var progress = store.load();
    var m = Env.messages(root.lang, progress.lang());
    var out = spec.commandLine().getOut();
    if (target.all) {
      Workspace.wipe(ProgressStore.dataHome().resolve("work"));
      env.catalog(0).lessons().values().stream().filter(l -> l.uses("docker"))
          .forEach(l -> LessonDocker.reset(l.id()));
      store.save(progress.cleared());
      out.println(m.get("reset.all"));
      return ExitCodes.OK;
    }
    if (!env.catalog(0).lessonIds().contains(target.id) && progress.lesson(target.id) == null) {
      spec.commandLine().getErr().println(m.get("start.unknown", target.id));
      return ExitCodes.USAGE;
    }
    Workspace.wipe(Workspace.of(ProgressStore.dataHome(), target.id));
    env.catalog(0).lesson(target.id).filter(l -> l.uses("docker"))
        .ifPresent(l -> LessonDocker.reset(l.id()));
    store.save(progress.without(target.id));
    out.println(m.get("reset.lesson", target.id));
    return ExitCodes.OK;
  }
}

package dev.shellcamp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "start", mixinStandardHelpOptions = true, description = "Open the REPL inside a lesson.")
final class StartCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LESSON", description = "a lesson id, e.g. linux/streams")
  String id = null;

  @Override
  public Integer call() {
    var env = root.env();
    // the ids are the same under every seed: the catalog Main began loading for the learner's serves
    var catalog = env.catalog(Env.ANY_SEED);
    if (!catalog.lessonIds().contains(id)) {
      spec.commandLine().getErr().println(Env.messages(root.lang, null).get("start.unknown", id));
      return ExitCodes.USAGE;
    }
    return root.repl(id);
  }
}

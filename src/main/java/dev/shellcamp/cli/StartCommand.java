package dev.shellcamp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "start", mixinStandardHelpOptions = true, description = "Open the REPL inside a lesson.")
final class StartCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Parameters(paramLabel = "LESSON", description = "a lesson id, e.g. linux/streams")
  String id = null;

  @Override
  public Integer call() {
    return root.start(id);
  }
}

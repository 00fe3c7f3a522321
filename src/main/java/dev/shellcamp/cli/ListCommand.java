package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.progress.Overview;
import dev.shellcamp.ui.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Courses and lessons with progress.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "one JSON document")
  boolean json = false;

  @Override
  public Integer call() {
    var env = root.env();
    var progress = env.store().load();
    var m = Env.messages(root.lang, progress.lang());
    Overview o = new Overview(env.catalog(progress.seed()), env.caps());
    var out = spec.commandLine().getOut();
    if (json) {
      List<Object> rows = new ArrayList<>();
      for (Overview.Row r : o.rows(progress, m)) {
        rows.add(ProgressCommand.toMap(r));
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("lessons", rows);
      out.println(Json.write(doc));
    } else {
      out.print(o.render(progress, m, Theme.detect(System.console() == null), progress.lastLesson()));
    }
    out.flush();
    return ExitCodes.OK;
  }
}

package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.progress.Overview;
import dev.shellcamp.ui.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "progress", mixinStandardHelpOptions = true, description = "Your progress, as text, JSON or CSV.")
final class ProgressCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  static final class Format {
    @Option(names = "--json", description = "JSON") boolean json = false;
    @Option(names = "--csv", description = "CSV with a header row") boolean csv = false;
  }

  @ArgGroup(exclusive = true)
  Format format = null;

  static Map<String, Object> toMap(Overview.Row r) {
    return Json.object("course", r.course(), "id", r.id(), "title", r.title(), "steps", r.steps(), "done", r.done(),
        "current_step", r.current() + 1, "completed", r.completed(), "skipped", r.skipped(), "hints", r.hints(),
        "unavailable", r.unavailable());
  }

  @Override
  public Integer call() {
    var env = root.env();
    var store = env.store();
    var progress = store.load();
    var m = Env.messages(root.lang, progress.lang());
    var err = spec.commandLine().getErr();
    if (store.warning() != null) {
      String[] w = store.warning().split("\t", 2);
      err.println(m.get(store.warningKey(), w[0], w.length > 1 ? w[1] : ""));
    }
    Overview o = new Overview(env.catalog(progress.seed()), env.caps());
    var out = spec.commandLine().getOut();
    List<Overview.Row> rows = o.rows(progress, m);
    if (format != null && format.json) {
      List<Object> list = new ArrayList<>();
      rows.forEach(r -> list.add(toMap(r)));
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("file", store.file().toString());
      doc.put("lessons", list);
      out.println(Json.write(doc));
    } else if (format != null && format.csv) {
      out.println("course,id,title,steps,done,current_step,completed,skipped,hints");
      for (Overview.Row r : rows) {
        out.println(String.join(",", r.course(), r.id(), csv(r.title()), "" + r.steps(), "" + r.done(),
            "" + (r.current() + 1), "" + r.completed(), "" + r.skipped(), "" + r.hints()));
      }
    } else {
      out.print(o.render(progress, m, Theme.detect(System.console() == null), progress.lastLesson()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}

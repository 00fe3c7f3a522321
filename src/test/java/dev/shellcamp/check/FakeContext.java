package dev.shellcamp.check;

import dev.shellcamp.json.Json;
import dev.shellcamp.run.StepContext;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.snippet.JavaEngine;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tutor's StepContext with no shell behind it, for checks that only read files, output and
 * typed lines: the directory and variables are set by the test, scripts get HOME only.
 */
class FakeContext extends StepContext {
  String cwd;
  final Map<String, Variable> vars = new HashMap<>();
  /** The commands {@link #ran} recorded, for a second context that replays them. */
  final List<CommandResult> runs = new ArrayList<>();

  FakeContext(Path ws) {
    super(ws, null, Messages.of("en"), () -> JavaEngine.shared(ws));
    this.cwd = ws.toString();
  }

  /** A check spec as the loader would make it: {@code spec("file", "path", "a.txt", "exists", "true")}. */
  static dev.shellcamp.lesson.CheckSpec spec(String type, Object... kv) {
    return new dev.shellcamp.lesson.CheckSpec(type, Json.object(kv), 1);
  }

  FakeContext ran(String line, String output, int status) {
    CommandResult r = new CommandResult(line, status, output, cwd);
    runs.add(r);
    ran(r);
    return this;
  }

  @Override
  public String cwd() {
    return cwd;
  }

  @Override
  public Variable variable(String name) {
    return vars.getOrDefault(name, new Variable(false, "", ""));
  }

  @Override
  public Map<String, String> scriptEnv() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", workspace().toString());
    return env;
  }
}

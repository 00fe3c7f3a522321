package dev.shellcamp.check;

import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A context with no shell behind it, for checks that only read files, output and typed lines. */
class FakeContext implements Context {
  final Path ws;
  CommandResult last;
  final List<String> typed = new ArrayList<>();
  String cwd;
  String answer;
  final Map<String, byte[]> snapshots = new HashMap<>();
  final Map<String, Variable> vars = new HashMap<>();

  FakeContext(Path ws) {
    this.ws = ws;
    this.cwd = ws.toString();
  }

  /** A check spec as the loader would make it: {@code spec("file", "path", "a.txt", "exists", "true")}. */
  static dev.shellcamp.lesson.CheckSpec spec(String type, Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new dev.shellcamp.lesson.CheckSpec(type, m, 1);
  }

  FakeContext ran(String line, String output, int status) {
    typed.add(line);
    last = new CommandResult(line, status, output, cwd);
    return this;
  }

  @Override
  public Path workspace() {
    return ws;
  }

  @Override
  public Optional<CommandResult> last() {
    return Optional.ofNullable(last);
  }

  @Override
  public List<String> typed() {
    return typed;
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
  public Optional<String> answer() {
    return Optional.ofNullable(answer);
  }

  @Override
  public byte[] snapshot(String path) {
    return snapshots.get(path);
  }

  @Override
  public Map<String, String> scriptEnv() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", ws.toString());
    return env;
  }

  @Override
  public Messages messages() {
    return Messages.of("en");
  }
}

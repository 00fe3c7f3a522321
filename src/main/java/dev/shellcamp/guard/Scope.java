package dev.shellcamp.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shell's state while the guard walks a line: its directory, the variables and functions the
 * line has set so far, its positional parameters. A subshell gets a copy; a new shell process
 * (bash -c) gets only what is exported. Links the line makes are on the one file system all share.
 */
final class Scope {
  final Place place;
  /** null: the shell is not asked, and what only it could tell is unknown */
  private final ShellVars shell;
  /** bash's logical directory ($PWD); null once a cd went somewhere the guard cannot tell */
  Path cwd;
  Path oldpwd;
  final Map<String, Value> vars;
  final Set<String> exported;
  final Map<String, Node> functions;
  List<Value> positional;
  String arg0 = "bash";

  private Scope(Place place, ShellVars shell, Path cwd, Map<String, Value> vars, Set<String> exported,
      Map<String, Node> functions, List<Value> positional) {
    this.place = place;
    this.shell = shell;
    this.cwd = cwd;
    this.vars = vars;
    this.exported = exported;
    this.functions = functions;
    this.positional = positional;
  }

  /** {@code shell} null: do not ask it (variables the line does not set are unknown). */
  static Scope top(Path cwd, Path workspace, ShellVars shell) {
    Place place = new Place(workspace, new HashMap<>());
    return new Scope(place, shell, cwd.toAbsolutePath().normalize(), new HashMap<>(), new HashSet<>(),
        new HashMap<>(), List.of());
  }

  Scope copy() {
    Scope s = new Scope(place, shell, cwd, new HashMap<>(vars), new HashSet<>(exported), new HashMap<>(functions),
        positional);
    s.oldpwd = oldpwd;
    s.arg0 = arg0;
    return s;
  }

  /** A new shell process started from this one: it inherits the environment, not shell variables or functions. */
  Scope child(Map<String, Value> env, List<Value> args, String name) {
    Map<String, Value> inherited = new HashMap<>();
    exported.forEach(n -> inherited.put(n, vars.get(n)));
    inherited.putAll(env);
    inherited.values().removeIf(v -> v == null);
    Scope s = new Scope(place, shell, cwd, inherited, new HashSet<>(inherited.keySet()), new HashMap<>(), args);
    s.arg0 = name;
    return s;
  }

  /** A copy running in another directory (env -C, sudo -D); null: a directory the guard cannot tell. */
  Scope at(String dir) {
    Scope s = copy();
    s.cwd = dir == null ? null : resolve(dir);
    return s;
  }

  /** Where cd would go, logically as bash does (".." drops the last name, links are not read). */
  Path resolve(String dir) {
    if (dir.startsWith("/")) {
      return Path.of(dir).normalize();
    }
    return cwd == null ? null : cwd.resolve(dir).normalize();
  }

  /** The directory the kernel resolves relative paths against. */
  Path physicalCwd() {
    return cwd == null ? null : place.physical(cwd, true);
  }

  Value lookup(String name) {
    Value v = vars.get(name);
    if (v != null) {
      return v;
    }
    switch (name) {
      case "PWD":
        return cwd == null ? Value.UNKNOWN : Value.of(cwd.toString());
      case "OLDPWD":
        return oldpwd == null ? Value.UNKNOWN : Value.of(oldpwd.toString());
      case "HOME":
        return Value.of(shell == null ? place.home().toString() : shell.value("HOME").orElse(place.home().toString()));
      case "@", "*":
        List<String> all = new ArrayList<>();
        for (Value p : positional) {
          if (p.state() == Value.State.UNKNOWN) {
            return Value.UNKNOWN;
          }
          all.add(p.scalar());
        }
        return Value.of(all);
      case "#":
        return Value.of(String.valueOf(positional.size()));
      case "0":
        return Value.of(arg0);
      case "?", "$", "!", "-", "RANDOM", "LINENO", "SECONDS", "BASHPID", "PPID", "UID", "EUID":
        return Value.of("0"); // numbers: no path could come of them
      default:
        if (name.length() < 6 && name.chars().allMatch(Character::isDigit)) {
          int n = Integer.parseInt(name);
          return n >= 1 && n <= positional.size() ? positional.get(n - 1) : Value.UNSET;
        }
        return shell == null ? Value.UNKNOWN : shell.value(name).map(Value::of).orElse(Value.UNSET);
    }
  }
}

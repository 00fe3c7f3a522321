package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programs that run another program: sudo, env, nice, timeout and the like. Taking them off
 * reaches the program that really runs, with what the wrapper changes on the way (a directory,
 * environment variables).
 */
final class Wrappers {
  /** argv empty: the wrapper runs nothing (command -v, sudo -l). {@code chdir} null: the same directory. */
  record Unwrapped(List<Field> argv, Field chdir, Map<String, Value> env) {}

  /**
   * @param argShort options taking an argument; {@code stopShort}: options that mean no command runs;
   *     {@code before}: operands ahead of the command (timeout's duration); {@code assigns}: NAME=VALUE
   *     words set the environment; {@code chdir}: the option that changes directory
   */
  private record Spec(String argShort, Set<String> argLong, String stopShort, Set<String> stopLong, int before,
      boolean assigns, String chdir) {
    static Spec plain() {
      return new Spec("", Set.of(), "", Set.of(), 0, false, "");
    }
  }

  private static final Map<String, Spec> SPECS = Map.ofEntries(
      Map.entry("command", new Spec("", Set.of(), "vV", Set.of(), 0, false, "")),
      Map.entry("builtin", Spec.plain()),
      Map.entry("exec", new Spec("a", Set.of(), "", Set.of(), 0, false, "")),
      Map.entry("env", new Spec("uCS", Set.of("unset", "chdir", "split-string"), "", Set.of("help", "version"), 0, true,
          "C")),
      Map.entry("nice", new Spec("n", Set.of("adjustment"), "", Set.of(), 0, false, "")),
      Map.entry("nohup", Spec.plain()),
      Map.entry("time", new Spec("fo", Set.of("format", "output"), "", Set.of(), 0, false, "")),
      Map.entry("timeout", new Spec("sk", Set.of("signal", "kill-after"), "", Set.of(), 1, false, "")),
      Map.entry("sudo", new Spec("ugpCDrtUTh", Set.of("user", "group", "prompt", "close-from", "chdir", "role", "type",
          "other-user", "command-timeout", "host"), "lveVK", Set.of("list", "validate", "edit", "version", "help",
          "remove-timestamp"), 0, true, "D")),
      Map.entry("doas", new Spec("uC", Set.of(), "", Set.of(), 0, false, "")),
      Map.entry("stdbuf", new Spec("ioe", Set.of("input", "output", "error"), "", Set.of(), 0, false, "")),
      Map.entry("setsid", Spec.plain()),
      Map.entry("ionice", new Spec("cnp", Set.of("class", "classdata", "pid"), "p", Set.of("pid"), 0, false, "")),
      Map.entry("busybox", new Spec("", Set.of(), "", Set.of("list", "help"), 0, false, "")));

  private Wrappers() {}

  /** Null when {@code name} wraps nothing. */
  static Unwrapped unwrap(String name, List<Field> args) {
    Spec spec = SPECS.get(name);
    if (spec == null) {
      return null;
    }
    Field chdir = null;
    List<Field> front = new ArrayList<>();
    int i = 0;
    while (i < args.size() && !args.get(i).unknown()) {
      Field f = args.get(i);
      String a = f.text();
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.length() < 2 || !a.startsWith("-")) {
        break;
      }
      String opt;
      Field value = null;
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        opt = eq < 0 ? a.substring(2) : a.substring(2, eq);
        if (spec.stopLong().contains(opt)) {
          return new Unwrapped(List.of(), null, Map.of());
        }
        if (eq >= 0) {
          value = f.withText(a.substring(eq + 1), -1);
        } else if (spec.argLong().contains(opt) && i + 1 < args.size()) {
          value = args.get(++i);
        }
        opt = opt.equals("chdir") ? spec.chdir() : opt.equals("split-string") ? "S" : opt;
      } else {
        opt = "";
        for (int k = 1; k < a.length(); k++) {
          char c = a.charAt(k);
          if (spec.stopShort().indexOf(c) >= 0) {
            return new Unwrapped(List.of(), null, Map.of());
          }
          if (spec.argShort().indexOf(c) >= 0) {
            opt = String.valueOf(c);
            value = k + 1 < a.length() ? f.withText(a.substring(k + 1), -1) : i + 1 < args.size() ? args.get(++i) : null;
            break;
          }
        }
      }
      if (value != null && !opt.isEmpty() && opt.equals(spec.chdir())) {
        chdir = value;
      } else if (value != null && name.equals("env") && opt.equals("S")) {
        for (String w : value.text().trim().split("\\s+")) { // env -S 'rm -rf /': one string, split
          front.add(value.withText(w, -1));
        }
      }
      i++;
    }
    Map<String, Value> env = new HashMap<>();
    while (spec.assigns() && i < args.size() && !args.get(i).unknown() && Parser.isAssignment(args.get(i).text())) {
      String a = args.get(i++).text();
      env.put(a.substring(0, a.indexOf('=')).replace("+", ""), Value.of(a.substring(a.indexOf('=') + 1)));
    }
    i += spec.before();
    List<Field> argv = new ArrayList<>(front);
    if (i < args.size()) {
      argv.addAll(args.subList(i, args.size()));
    }
    return new Unwrapped(argv, chdir, env);
  }
}

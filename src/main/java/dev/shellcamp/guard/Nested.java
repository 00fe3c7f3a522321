package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programs that run other commands: eval and shells run a string (parsed again, one level
 * deeper), xargs runs a command on the names it reads, find runs -exec on what it finds.
 */
final class Nested {
  static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "zsh", "ksh", "mksh", "ash", "yash", "posh", "rbash");
  private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");
  private static final int MAX_INPUTS = 16;

  private final Walker walker;
  private final Commands commands;

  Nested(Walker walker, Commands commands) {
    this.walker = walker;
    this.commands = commands;
  }

  /** eval runs its arguments, joined, in this shell: its cd and assignments last. */
  void eval(List<Field> args, Scope s, Ctx ctx) {
    if (args.stream().anyMatch(Field::unknown)) {
      walker.cannotTell();
      return;
    }
    walker.text(String.join(" ", args.stream().map(Field::text).toList()), s, ctx.deeper());
  }

  /** bash -c 'string' [name [args]], or a shell reading its commands from a pipe or heredoc. */
  void shell(String name, List<Field> args, Scope s, Ctx ctx, Map<String, Value> env) {
    boolean command = false;
    boolean stdin = false;
    int i = 0;
    while (i < args.size() && !args.get(i).unknown()) {
      String a = args.get(i).text();
      if (a.equals("--") || a.equals("-")) {
        i++;
        break;
      }
      if (a.startsWith("--")) {
        i += a.equals("--rcfile") || a.equals("--init-file") ? 2 : 1;
      } else if (a.length() > 1 && (a.startsWith("-") || a.startsWith("+"))) {
        command |= a.indexOf('c') > 0;
        stdin |= a.indexOf('s') > 0;
        i += a.indexOf('o') > 0 || a.indexOf('O') > 0 ? 2 : 1;
      } else {
        break;
      }
    }
    String text;
    List<Field> rest;
    if (command) {
      if (i >= args.size() || args.get(i).unknown()) {
        walker.cannotTell();
        return;
      }
      text = args.get(i).text();
      rest = args.subList(i + 1, args.size());
    } else if (i < args.size() && !stdin) {
      return; // a script file: the guard does not read scripts
    } else {
      text = ctx.stdin().text();
      rest = args.subList(i, args.size());
    }
    if (text == null) {
      return;
    }
    String arg0 = command && !rest.isEmpty() ? rest.get(0).text() : name;
    List<Field> positional = command && !rest.isEmpty() ? rest.subList(1, rest.size()) : rest;
    walker.text(text, s.child(env, Builtins.values(positional), arg0), new Ctx(ctx.depth() + 1, ctx.concurrent(),
        Output.UNKNOWN, List.of()));
  }

  /** su [-] [user] -c CMD: CMD runs in the user's shell. */
  void su(List<Field> args, Scope s, Ctx ctx, Map<String, Value> env) {
    for (int i = 0; i < args.size(); i++) {
      Field f = args.get(i);
      String a = f.text();
      if ((a.equals("-c") || a.equals("--command")) && i + 1 < args.size()) {
        shell("sh", List.of(Field.literal("-c", "-c"), args.get(i + 1)), s, ctx, env);
      } else if (a.startsWith("--command=")) {
        shell("sh", List.of(Field.literal("-c", "-c"), f.withText(a.substring(10), -1)), s, ctx, env);
      }
    }
  }

  /** xargs CMD: CMD with the names it reads appended (or put in place of -I's string). */
  void xargs(List<Field> args, Scope s, Ctx ctx, Map<String, Value> env) {
    String replace = null;
    boolean fromFile = false;
    int i = 0;
    while (i < args.size() && !args.get(i).unknown() && args.get(i).text().startsWith("-")) {
      String a = args.get(i++).text();
      if (a.equals("--")) {
        break;
      }
      if (a.startsWith("--")) {
        fromFile |= a.startsWith("--arg-file");
        replace = a.startsWith("--replace") ? (a.contains("=") ? a.substring(a.indexOf('=') + 1) : "{}") : replace;
        continue;
      }
      for (int k = 1; k < a.length(); k++) {
        char c = a.charAt(k);
        if ("nLPsdEaIi".indexOf(c) < 0) {
          continue;
        }
        String value = k + 1 < a.length() ? a.substring(k + 1) : c != 'i' && i < args.size() ? args.get(i++).text() : "";
        fromFile |= c == 'a';
        replace = c == 'I' ? value : c == 'i' ? (value.isEmpty() ? "{}" : value) : replace;
        break;
      }
    }
    List<Field> cmd = i < args.size() ? args.subList(i, args.size()) : List.of(Field.literal("echo", "xargs"));
    List<Field> input = fromFile || ctx.stdin().names() == null ? List.of(Field.unknown(null)) : ctx.stdin().names();
    if (replace == null) {
      List<Field> argv = new ArrayList<>(cmd);
      argv.addAll(input);
      commands.run(argv, s, ctx.reading(Output.UNKNOWN), env, true);
      return;
    }
    for (Field in : input.subList(0, Math.min(input.size(), MAX_INPUTS))) {
      commands.run(replaced(cmd, replace, in), s, ctx.reading(Output.UNKNOWN), env, true);
    }
  }

  /** find PATH... -delete, or -exec CMD {} ;: what it finds lies at or under each PATH. */
  void find(List<Field> args, Scope s, Ctx ctx, Map<String, Value> env) {
    List<Field> paths = findPaths(args);
    int expr = 0;
    while (expr < args.size() && !isExpression(args.get(expr))) {
      expr++;
    }
    for (int k = expr; k < args.size() && !walker.done(); k++) {
      String a = args.get(k).text();
      if (a.equals("-delete")) {
        Danger d = Judge.deletes("find -delete", paths, true, s);
        if (d != null) {
          walker.report(d);
        }
      } else if (EXEC.contains(a)) {
        int end = k + 1;
        while (end < args.size() && !args.get(end).text().equals(";") && !args.get(end).text().equals("+")) {
          end++;
        }
        List<Field> cmd = args.subList(k + 1, end);
        for (Field p : paths) {
          commands.run(replaced(cmd, "{}", p), s, ctx.reading(Output.UNKNOWN), env, true);
        }
        k = end;
      }
    }
  }

  /** The starting points of find (after -H, -L, -P, -D x, -O1), "." when none. */
  static List<Field> findPaths(List<Field> args) {
    int i = 0;
    while (i < args.size() && args.get(i).text().matches("-[HLP]|-O\\d|-D")) {
      i += args.get(i).text().equals("-D") ? 2 : 1;
    }
    List<Field> paths = new ArrayList<>();
    while (i < args.size() && !isExpression(args.get(i))) {
      paths.add(args.get(i++));
    }
    return paths.isEmpty() ? List.of(Field.literal(".", ".")) : paths;
  }

  private static boolean isExpression(Field f) {
    String a = f.text();
    return !f.unknown() && (a.startsWith("-") && a.length() > 1 || a.equals("(") || a.equals("!") || a.equals(","));
  }

  private static List<Field> replaced(List<Field> cmd, String mark, Field with) {
    List<Field> out = new ArrayList<>();
    for (Field f : cmd) {
      if (f.unknown() || !f.text().contains(mark)) {
        out.add(f);
      } else if (with.unknown()) {
        out.add(with);
      } else if (f.text().equals(mark)) {
        out.add(with);
      } else {
        out.add(with.withText(f.text().replace(mark, with.text()), -1));
      }
    }
    return out;
  }
}

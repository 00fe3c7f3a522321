package dev.shellcamp.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simple command: its words expanded, its redirections judged, then the real program found
 * (a function of the line, a builtin, a wrapper's command, a shell's string) and judged.
 */
final class Commands {
  private static final Set<String> BIN_DIRS =
      Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin");
  private static final int MAX_CALLS = 8;

  private final Walker walker;
  private final Nested nested;

  Commands(Walker walker) {
    this.walker = walker;
    this.nested = new Nested(walker, this);
  }

  Expander expander(Scope s, Ctx ctx) {
    return new Expander(s, body -> walker.substitution(body, s, ctx));
  }

  Output simple(Node.Simple c, Scope s, Ctx ctx) {
    Expander ex = expander(s, ctx);
    Map<String, Value> env = new LinkedHashMap<>();
    for (String a : c.assigns()) {
      Builtins.assign(a, ex, s, c.words().isEmpty() ? s.vars : env);
    }
    List<Field> argv = new ArrayList<>();
    c.words().forEach(w -> argv.addAll(ex.fields(w)));
    Output in = redirects(c.redirects(), s, ex, ctx.stdin());
    if (argv.isEmpty()) {
      return Output.UNKNOWN;
    }
    run(argv, s, ctx.reading(in), env, false);
    boolean toFile = c.redirects().stream().anyMatch(r -> r.op().matches("1?>.*|&>.*|>.*") && !r.op().equals(">&"));
    String prog = program(argv.get(0), s);
    if (toFile || prog == null) {
      return Output.UNKNOWN;
    }
    // cat <<EOF | bash: cat alone passes on what it reads
    return prog.equals("cat") && argv.size() == 1 ? in : Output.of(prog, argv.subList(1, argv.size()));
  }

  /** Judges where output goes; returns what the command reads. */
  Output redirects(List<Node.Redirect> rs, Scope s, Expander ex, Output stdin) {
    Output in = stdin;
    for (Node.Redirect r : rs) {
      if (r.body() != null) {
        boolean literal = r.target().matches(".*['\"\\\\].*");
        String text = literal ? r.body() : ex.heredoc(r.body());
        in = new Output(text, null);
      } else if (r.op().equals("<<<")) {
        Field f = ex.single(r.target());
        in = new Output(f.unknown() ? null : f.text() + "\n", null);
      } else if (r.op().matches("\\d*<")) {
        in = Output.UNKNOWN;
      } else {
        Danger d = Judge.redirect(r.op(), ex.single(r.target()), s);
        if (d != null) {
          walker.report(d);
        }
      }
    }
    return in;
  }

  /** @param wrapped reached through a wrapper, which runs programs, never the line's functions */
  void run(List<Field> argv, Scope s, Ctx ctx, Map<String, Value> env, boolean wrapped) {
    if (walker.done() || argv.isEmpty()) {
      return;
    }
    if (argv.get(0).unknown()) {
      walker.cannotTell();
      return;
    }
    List<Field> args = argv.subList(1, argv.size());
    if (!wrapped && s.functions.containsKey(argv.get(0).text())) {
      call(argv.get(0).text(), args, s, ctx);
      return;
    }
    String name = program(argv.get(0), s);
    if (name == null) {
      return;
    }
    Wrappers.Unwrapped u = Wrappers.unwrap(name, args);
    if (u != null) {
      Map<String, Value> inner = new LinkedHashMap<>(env);
      inner.putAll(u.env());
      Scope where = u.chdir() == null ? s : s.at(u.chdir().unknown() ? null : u.chdir().text());
      run(u.argv(), where, ctx, inner, true);
      return;
    }
    switch (name) {
      case "cd", "pushd", "popd" -> Builtins.cd(name, args, s);
      case "export", "declare", "typeset", "local", "readonly" -> Builtins.declare(name, args, s, expander(s, ctx));
      case "unset" -> Builtins.unset(args, s);
      case "read", "mapfile", "readarray", "getopts", "printf" -> Builtins.reads(name, args, s);
      case "ln" -> Builtins.link(args, s);
      case "eval" -> nested.eval(args, s, ctx);
      case "su" -> nested.su(args, s, ctx, env);
      case "xargs" -> nested.xargs(args, s, ctx, env);
      case "find" -> nested.find(args, s, ctx, env);
      default -> {
        if (Nested.SHELLS.contains(name)) {
          nested.shell(name, args, s, ctx, env);
        } else {
          Danger d = Judge.check(name, args, s);
          if (d != null) {
            walker.report(d);
          }
        }
      }
    }
  }

  /** A function the line defined: its body runs here, with the call's arguments as $1.... */
  private void call(String fn, List<Field> args, Scope s, Ctx ctx) {
    if (ctx.calls().contains(fn)) {
      // calling itself beside itself: every call starts two more, without end
      if (ctx.concurrent()) {
        walker.report(new Danger("danger.forkbomb", "danger.what.forkbomb", fn, "", ""));
      }
      return;
    }
    if (ctx.calls().size() >= MAX_CALLS) {
      return;
    }
    List<Value> saved = s.positional;
    s.positional = Builtins.values(args);
    walker.walk(s.functions.get(fn), s, ctx.calling(fn));
    s.positional = saved;
  }

  /**
   * The program a command word runs: /bin/rm and /usr/bin/../bin/rm are rm; ./rm is the learner's
   * own unless it is a link to a system program. Null when it cannot be told.
   */
  static String program(Field f, Scope s) {
    String t = f.text();
    if (f.unknown() || t.isEmpty()) {
      return null;
    }
    if (!t.contains("/")) {
      return t;
    }
    Path abs = s.resolve(t);
    if (abs == null || abs.getFileName() == null) {
      return null;
    }
    if (BIN_DIRS.contains(String.valueOf(abs.getParent()))) {
      return abs.getFileName().toString();
    }
    Path real = s.place.physical(abs, true);
    return BIN_DIRS.contains(String.valueOf(real.getParent())) && real.getFileName() != null
        ? real.getFileName().toString() : t;
  }
}

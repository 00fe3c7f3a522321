package dev.shellcamp.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges a line before the learner's shell runs it. */
public final class Guard {
  private Guard() {}

  /**
   * The first thing the line would do that damages the machine outside {@code workspace} (the
   * learner's HOME), or empty. {@code cwd} is the shell's directory; {@code shell} answers for
   * variables the line uses but does not set.
   */
  public static Optional<Danger> judge(String line, Path cwd, Path workspace, ShellVars shell) {
    // Asking the shell costs a round trip each. First judge with its variables unknown, which only
    // makes destructive commands ask (or leaves a program word untold); only then ask it, once per
    // name, for the real answer.
    Walker first = walk(line, cwd, workspace, null);
    if (first.found() == null && !first.unsure()) {
      return Optional.empty();
    }
    Map<String, Optional<String>> asked = new HashMap<>();
    return Optional.ofNullable(walk(line, cwd, workspace, name -> asked.computeIfAbsent(name, shell::value)).found());
  }

  private static Walker walk(String line, Path cwd, Path workspace, ShellVars shell) {
    Walker w = new Walker();
    w.text(line, Scope.top(cwd, workspace, shell), Ctx.TOP);
    return w;
  }

  /** The simple commands of a line as words with quotes removed, nothing expanded. */
  public static List<List<String>> words(String line) {
    List<List<String>> out = new ArrayList<>();
    collect(Parser.parse(line), out);
    return out;
  }

  private static void collect(Node n, List<List<String>> out) {
    if (n instanceof Node.Simple c && !c.words().isEmpty()) {
      out.add(c.words().stream().map(Expander::unquote).toList());
    } else if (n instanceof Node.Sequence q) {
      q.items().forEach(i -> collect(i.node(), out));
    } else if (n instanceof Node.Pipeline p) {
      p.stages().forEach(st -> collect(st, out));
    } else if (n instanceof Node.Subshell s) {
      collect(s.body(), out);
    } else if (n instanceof Node.Block b) {
      b.parts().forEach(part -> collect(part, out));
    } else if (n instanceof Node.FuncDef f) {
      collect(f.body(), out);
    } else if (n instanceof Node.ForIn f) {
      collect(f.body(), out);
    }
  }
}

package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a parsed line in the order bash would run it, keeping each shell's state (a subshell's cd
 * stays in the subshell), until a command is found that would do damage. Every branch of an if
 * or case counts: the guard cannot know which one runs.
 */
final class Walker {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_STEPS = 5000;
  private static final int MAX_LOOP_ITEMS = 16;

  private final Commands commands = new Commands(this);
  private Danger found;
  private boolean unsure;
  private int steps;

  Danger found() {
    return found;
  }

  /** Whether a program or a string to run could not be told (it came from a variable the line does not set). */
  boolean unsure() {
    return unsure;
  }

  void cannotTell() {
    unsure = true;
  }

  void report(Danger d) {
    if (found == null) {
      found = d;
    }
  }

  boolean done() {
    return found != null || steps > MAX_STEPS;
  }

  /** A line, or a string that eval or bash -c runs. */
  void text(String text, Scope s, Ctx ctx) {
    if (ctx.depth() <= MAX_DEPTH && !done()) {
      walk(Parser.parse(text), s, ctx);
    }
  }

  /** $(...), `...`, <(...): run first, in a subshell. */
  void substitution(String body, Scope s, Ctx ctx) {
    text(body, s.copy(), new Ctx(ctx.depth() + 1, false, Output.UNKNOWN, ctx.calls()));
  }

  Output walk(Node n, Scope s, Ctx ctx) {
    if (done() || n == null) {
      return Output.UNKNOWN;
    }
    steps++;
    if (n instanceof Node.Simple c) {
      return commands.simple(c, s, ctx);
    }
    if (n instanceof Node.Sequence q) {
      Output last = Output.UNKNOWN;
      for (Node.Item item : q.items()) {
        last = item.background() ? walk(item.node(), s.copy(), ctx.beside()) : walk(item.node(), s, ctx);
      }
      return last;
    }
    if (n instanceof Node.Pipeline p) {
      Output in = ctx.stdin();
      for (Node stage : p.stages()) {
        in = walk(stage, s.copy(), ctx.beside().reading(in));
      }
      return in;
    }
    if (n instanceof Node.Subshell sub) {
      Scope inner = s.copy();
      Output in = commands.redirects(sub.redirects(), inner, commands.expander(inner, ctx), ctx.stdin());
      return walk(sub.body(), inner, ctx.reading(in));
    }
    if (n instanceof Node.Block b) {
      Output in = commands.redirects(b.redirects(), s, commands.expander(s, ctx), ctx.stdin());
      Output last = Output.UNKNOWN;
      for (Node part : b.parts()) {
        last = walk(part, s, ctx.reading(in));
      }
      return last;
    }
    if (n instanceof Node.FuncDef f) {
      s.functions.put(f.name(), f.body());
      return Output.UNKNOWN;
    }
    if (n instanceof Node.ForIn f) {
      forIn(f, s, ctx);
    }
    return Output.UNKNOWN;
  }

  /** The body once per item, with the loop variable set to it; once with it unknown when the items cannot be told. */
  private void forIn(Node.ForIn f, Scope s, Ctx ctx) {
    Expander ex = commands.expander(s, ctx);
    Output in = commands.redirects(f.redirects(), s, ex, ctx.stdin());
    List<Field> items = new ArrayList<>();
    f.words().forEach(w -> items.addAll(ex.fields(w)));
    if (items.size() > MAX_LOOP_ITEMS || items.stream().anyMatch(Field::unknown)) {
      s.vars.put(f.name(), Value.UNKNOWN);
      walk(f.body(), s, ctx.reading(in));
      return;
    }
    for (Field item : items) {
      s.vars.put(f.name(), Value.of(item.text()));
      walk(f.body(), s, ctx.reading(in));
    }
  }
}

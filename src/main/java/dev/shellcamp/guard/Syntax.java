package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * A line's simple commands as bash would group them, for readers other than the guard (the
 * output checks, the misconception explainer): words with quotes removed and nothing expanded,
 * redirections in the order typed, and where each command's output goes.
 */
public final class Syntax {
  private Syntax() {}

  /** {@code op} as typed with its file descriptor ({@code 2>&}, {@code >>}, {@code <}); {@code target} unquoted. */
  public record Redirection(String op, String target) {
    /** Whether it sends standard output somewhere other than the terminal (a file, another fd). */
    public boolean takesStdout() {
      return switch (op) {
        case ">", ">>", ">|", "1>", "1>>", "1>|", "&>", "&>>" -> true;
        // >&2 keeps it on a terminal's descriptor; >&file is &>file
        case ">&", "1>&" -> !target.matches("\\d+|-");
        default -> false;
      };
    }
  }

  /**
   * One simple command. {@code subshell}: it runs in a child shell (inside parentheses, a
   * stage of a pipeline of several, or in the background), so a {@code cd} or variable it sets
   * is gone afterwards. {@code piped}: its standard output feeds the next stage. {@code
   * redirected}: a redirection of its own or of an enclosing group takes its standard output.
   */
  public record Command(List<String> assigns, List<String> words, List<Redirection> redirects,
      boolean subshell, boolean piped, boolean redirected) {
    public String program() {
      return words.isEmpty() ? "" : words.get(0);
    }

    /** Whether what it prints reaches the terminal, where programs such as {@code ls} lay it out in columns. */
    public boolean toTerminal() {
      return !piped && !redirected;
    }
  }

  /** The text of a {@code $'...'} string with its backslash escapes ({@code \\n}, {@code \\t}) read as bash reads them. */
  public static String ansiC(String body) {
    return Expander.ansiC(body);
  }

  /** The simple commands of {@code line} in the order typed, including those inside groups, loops and functions. */
  public static List<Command> commands(String line) {
    List<Command> out = new ArrayList<>();
    collect(Parser.parse(line), false, false, false, out);
    return out;
  }

  private static void collect(Node n, boolean sub, boolean piped, boolean redirected, List<Command> out) {
    if (n instanceof Node.Simple c) {
      List<Redirection> rs = redirections(c.redirects());
      boolean own = rs.stream().anyMatch(Redirection::takesStdout);
      if (!c.words().isEmpty() || !c.assigns().isEmpty()) {
        out.add(new Command(c.assigns().stream().map(Expander::unquote).toList(),
            c.words().stream().map(Expander::unquote).toList(), rs, sub, piped, redirected || own));
      }
    } else if (n instanceof Node.Sequence q) {
      q.items().forEach(i -> collect(i.node(), sub || i.background(), piped, redirected, out));
    } else if (n instanceof Node.Pipeline p) {
      for (int i = 0; i < p.stages().size(); i++) {
        boolean last = i == p.stages().size() - 1;
        collect(p.stages().get(i), true, !last || piped, last && redirected, out);
      }
    } else if (n instanceof Node.Subshell s) {
      collect(s.body(), true, piped, redirected || takesStdout(s.redirects()), out);
    } else if (n instanceof Node.Block b) {
      boolean r = redirected || takesStdout(b.redirects());
      b.parts().forEach(part -> collect(part, sub, piped, r, out));
    } else if (n instanceof Node.FuncDef f) {
      collect(f.body(), sub, piped, redirected, out);
    } else if (n instanceof Node.ForIn f) {
      collect(f.body(), sub, piped, redirected || takesStdout(f.redirects()), out);
    }
  }

  private static List<Redirection> redirections(List<Node.Redirect> rs) {
    return rs.stream().map(r -> new Redirection(r.op(), Expander.unquote(r.target()))).toList();
  }

  private static boolean takesStdout(List<Node.Redirect> rs) {
    return redirections(rs).stream().anyMatch(Redirection::takesStdout);
  }
}

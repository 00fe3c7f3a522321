package dev.shellcamp.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as the builder reads it: comments and blank lines dropped, backslash
 * continuations joined, keywords upper-cased, so checks can look at its structure.
 */
public final class Dockerfile {
  /** One instruction, {@code line} being where it starts in the file. */
  public record Instruction(String keyword, String args, int line) {
    @Override
    public String toString() {
      return args.isEmpty() ? keyword : keyword + " " + args;
    }
  }

  private Dockerfile() {}

  public static List<Instruction> parse(String text) {
    List<Instruction> out = new ArrayList<>();
    StringBuilder cur = null;
    int start = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      String t = l.strip();
      if (cur == null && (t.isEmpty() || t.startsWith("#"))) {
        continue;
      }
      if (cur != null && t.startsWith("#")) {
        continue; // a comment inside a continued instruction is dropped, as the builder does
      }
      if (cur == null) {
        cur = new StringBuilder();
        start = i + 1;
      }
      boolean continues = t.endsWith("\\");
      cur.append(continues ? t.substring(0, t.length() - 1) : t).append(' ');
      if (!continues) {
        out.add(instruction(cur.toString(), start));
        cur = null;
      }
    }
    if (cur != null && !cur.toString().isBlank()) {
      out.add(instruction(cur.toString(), start));
    }
    return List.copyOf(out);
  }

  private static Instruction instruction(String s, int line) {
    String t = s.strip().replaceAll("\\s+", " ");
    int sp = t.indexOf(' ');
    String kw = (sp < 0 ? t : t.substring(0, sp)).toUpperCase(Locale.ROOT);
    return new Instruction(kw, sp < 0 ? "" : t.substring(sp + 1), line);
  }
}

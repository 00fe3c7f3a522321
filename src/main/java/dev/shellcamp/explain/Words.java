package dev.shellcamp.explain;

import dev.shellcamp.guard.Syntax;
import java.util.List;
import java.util.Set;

/** Reading a simple command's words: the program behind wrappers, its flags and operands. */
final class Words {
  private static final Set<String> WRAPPERS = Set.of("sudo", "command", "nice", "time", "exec", "nohup");

  private Words() {}

  /** The words from the program on, wrappers ({@code sudo}, {@code command}) taken off. */
  static List<String> run(Syntax.Command c) {
    List<String> w = c.words();
    int i = 0;
    while (i < w.size() - 1 && WRAPPERS.contains(w.get(i))) {
      i++;
      while (i < w.size() - 1 && w.get(i).startsWith("-")) {
        i++;  // sudo -E, nice -n (its number is taken as the program: harmless for these rules)
      }
    }
    return w.subList(i, w.size());
  }

  /** The program's name without its folder ({@code /usr/bin/pip3} is {@code pip3}). */
  static String program(Syntax.Command c) {
    List<String> w = run(c);
    return w.isEmpty() ? "" : w.get(0).replaceFirst(".*/", "");
  }

  /** Whether a short flag cluster holds {@code letter} ({@code -rf} has r) or {@code long} is given. */
  static boolean flag(List<String> words, char letter, String longName) {
    for (String w : words) {
      if (w.equals("--")) {
        return false;
      }
      if (w.equals(longName) || w.startsWith(longName + "=")
          || w.startsWith("-") && !w.startsWith("--") && w.indexOf(letter) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The words after the program that are not options. */
  static List<String> operands(List<String> run) {
    return run.stream().skip(1).filter(w -> !w.startsWith("-") || w.equals("-")).toList();
  }

  /** Whether the command runs {@code docker SUB} ({@code docker container run} counts as {@code run}). */
  static boolean docker(Syntax.Command c, String sub) {
    List<String> w = run(c);
    if (w.isEmpty() || !w.get(0).replaceFirst(".*/", "").equals("docker")) {
      return false;
    }
    int i = 1;
    if (i < w.size() && (w.get(i).equals("container") || w.get(i).equals("image") || w.get(i).equals("builder"))) {
      i++;
    }
    return i < w.size() && w.get(i).equals(sub);
  }
}

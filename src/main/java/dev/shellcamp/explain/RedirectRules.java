package dev.shellcamp.explain;

import static dev.shellcamp.explain.Rule.fires;
import static dev.shellcamp.explain.Rule.silent;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.lesson.CheckSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Mistakes with where output goes: the order of redirections, sudo and a redirect, > for >>. */
final class RedirectRules {
  private RedirectRules() {}

  static List<Rule> all() {
    return List.of(new Rule("redirect-order", RedirectRules::order), new Rule("sudo-redirect", RedirectRules::sudo),
        new Rule("overwrote", RedirectRules::overwrote));
  }

  /** {@code cmd 2>&1 > file}: errors still reached the terminal, so the learner saw them. */
  static Optional<List<String>> order(Attempt a) {
    if (a.output().isBlank()) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<Syntax.Redirection> rs = c.redirects();
      for (int i = 0; i < rs.size(); i++) {
        if (!rs.get(i).op().equals("2>&") || !rs.get(i).target().equals("1") || c.piped()) {
          continue;
        }
        for (Syntax.Redirection later : rs.subList(i + 1, rs.size())) {
          if (later.takesStdout() && !later.target().equals("/dev/null")) {
            return fires(later.target(), later.op());
          }
        }
      }
    }
    return silent();
  }

  /** {@code sudo echo x > /etc/f}: the shell opens the file before sudo runs, as the learner. */
  static Optional<List<String>> sudo(Attempt a) {
    if (!a.output().contains("Permission denied")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      if (!c.words().isEmpty() && c.words().get(0).equals("sudo")) {
        for (Syntax.Redirection r : c.redirects()) {
          if (r.op().equals(">") || r.op().equals(">>") || r.op().equals("1>") || r.op().equals("1>>")) {
            String inner = String.join(" ", c.words().subList(1, c.words().size()));
            return fires(r.target(), r.op().endsWith(">>") ? "tee -a" : "tee", inner);
          }
        }
      }
    }
    return silent();
  }

  /**
   * {@code >} where {@code >>} was meant: the file a check of the step reads lost lines it had when
   * the step began, and the check wants one of them.
   */
  static Optional<List<String>> overwrote(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      for (Syntax.Redirection r : c.redirects()) {
        if (!r.op().equals(">") && !r.op().equals("1>") && !r.op().equals(">|")) {
          continue;
        }
        Path f = a.path(r.target());
        for (CheckSpec check : a.checks("file")) {
          String p = check.string("path");
          byte[] before = p == null ? null : a.snapshot().apply(p);
          if (before == null || !a.workspace().resolve(p).normalize().equals(f.normalize())) {
            continue;
          }
          String now = a.read(f).orElse("");
          List<String> lost = Arrays.stream(new String(before, StandardCharsets.UTF_8).split("\n"))
              .filter(l -> !l.isBlank() && !now.contains(l)).toList();
          if (lost.stream().anyMatch(l -> wants(check, l))) {
            return fires(r.target(), String.valueOf(lost.size()));
          }
        }
      }
    }
    return silent();
  }

  private static boolean wants(CheckSpec check, String line) {
    String contains = check.string("contains");
    if (contains != null && contains.contains(line)) {
      return true;
    }
    if (check.strings("lines").contains(line)) {
      return true;
    }
    String regex = check.string("regex");
    return regex != null && Pattern.compile(regex, Pattern.MULTILINE).matcher(line).find();
  }
}

package dev.shellcamp.explain;

import static dev.shellcamp.explain.Rule.fires;
import static dev.shellcamp.explain.Rule.silent;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.lesson.CheckSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Mistakes with files and folders: missing -p and -r, a file the step needs removed, 777, cd in a subshell, find's glob. */
final class FileRules {
  private static final Set<String> WIDE_OPEN = Set.of("777", "0777", "a+rwx", "ugo+rwx", "a=rwx", "ugo=rwx");

  private FileRules() {}

  static List<Rule> all() {
    return List.of(new Rule("mkdir-parents", FileRules::mkdirParents), new Rule("cp-directory", FileRules::cpDirectory),
        new Rule("rm-directory", FileRules::rmDirectory), new Rule("removed-needed-file", FileRules::removedNeeded),
        new Rule("chmod-777", FileRules::chmod777), new Rule("cd-in-subshell", FileRules::cdInSubshell),
        new Rule("find-unquoted-glob", FileRules::findGlob), new Rule("kill-by-name", FileRules::killByName));
  }

  static Optional<List<String>> mkdirParents(Attempt a) {
    if (a.exit() == 0 || !a.output().contains("No such file or directory")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      if (Words.program(c).equals("mkdir") && !Words.flag(w, 'p', "--parents") && !Words.operands(w).isEmpty()) {
        return fires(Words.operands(w).get(0));
      }
    }
    return silent();
  }

  static Optional<List<String>> cpDirectory(Attempt a) {
    return a.output().contains("-r not specified; omitting directory") ? fires() : silent();
  }

  static Optional<List<String>> rmDirectory(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      if (Words.program(c).equals("rm") && a.output().contains("Is a directory")) {
        return fires();
      }
    }
    return silent();
  }

  /** {@code rm} of a file a check of the step reads: the step cannot pass without it. */
  static Optional<List<String>> removedNeeded(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      if (!Words.program(c).equals("rm")) {
        continue;
      }
      for (String op : Words.operands(Words.run(c))) {
        Path f = a.path(op);
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS) && a.needed(f)) {
          return fires(op);
        }
      }
    }
    return silent();
  }

  /** {@code chmod 777} where the step asks for a narrower mode. */
  static Optional<List<String>> chmod777(Attempt a) {
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      if (!Words.program(c).equals("chmod") || w.stream().noneMatch(WIDE_OPEN::contains)) {
        continue;
      }
      for (CheckSpec f : a.checks("file")) {
        String mode = f.string("mode");
        if (mode != null && !mode.endsWith("777")) {
          return fires(mode, f.string("path"));
        }
      }
    }
    return silent();
  }

  /** {@code (cd dir)}, {@code cd dir | ls}: the directory changed in a child shell that is gone. */
  static Optional<List<String>> cdInSubshell(Attempt a) {
    if (a.checks("cwd").isEmpty()) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      if (c.program().equals("cd") && c.subshell()) {
        return fires(c.words().size() > 1 ? c.words().get(1) : "~");
      }
    }
    return silent();
  }

  /** {@code find . -name *.log}: the shell expanded the pattern before find saw it. */
  static Optional<List<String>> findGlob(Attempt a) {
    String out = a.output();
    if (!out.contains("paths must precede expression") && !out.contains("unknown predicate")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      String line = a.last().map(r -> r.line()).orElse("");
      if (Words.program(c).equals("find") && line.matches("(?s).*-i?name\\s+[^'\"\\s]*[*?].*")) {
        return fires();
      }
    }
    return silent();
  }

  static Optional<List<String>> killByName(Attempt a) {
    if (!a.output().contains("arguments must be process or job IDs")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      if (c.program().equals("kill")) {
        for (String op : Words.operands(c.words())) {
          if (!op.matches("%?\\d+|%.*")) {
            return fires(op);
          }
        }
      }
    }
    return silent();
  }
}

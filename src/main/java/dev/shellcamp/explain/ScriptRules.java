package dev.shellcamp.explain;

import static dev.shellcamp.explain.Rule.fires;
import static dev.shellcamp.explain.Rule.silent;

import dev.shellcamp.guard.Syntax;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mistakes in running scripts and in the shell's own syntax: line ends, the exec bit, spaces, quotes. */
final class ScriptRules {
  private static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "zsh");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
  private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*(?:export\\s+|declare\\s+-x\\s+)([A-Za-z_]\\w*)");
  private static final Pattern CD = Pattern.compile("(?m)^\\s*cd\\b");
  private static final Pattern SINGLE_QUOTED_VAR = Pattern.compile("'[^']*(\\$[A-Za-z_]\\w*)[^']*'");

  private ScriptRules() {}

  static List<Rule> all() {
    return List.of(new Rule("crlf-script", ScriptRules::crlf), new Rule("no-exec-bit", ScriptRules::noExecBit),
        new Rule("no-shebang", ScriptRules::noShebang), new Rule("assign-spaces", ScriptRules::assignSpaces),
        new Rule("script-not-sourced", ScriptRules::notSourced), new Rule("test-brackets", ScriptRules::testBrackets),
        new Rule("tilde-in-quotes", ScriptRules::tildeInQuotes), new Rule("not-exported", ScriptRules::notExported),
        new Rule("single-quoted-var", ScriptRules::singleQuotedVar));
  }

  /** The script file the command runs: {@code ./x.sh}, {@code bash x.sh}; null for other commands. */
  static Path script(Attempt a, Syntax.Command c) {
    List<String> w = Words.run(c);
    if (w.isEmpty()) {
      return null;
    }
    String p = w.get(0);
    if (p.contains("/")) {
      return a.path(p);
    }
    if (SHELLS.contains(p) || p.equals("source") || p.equals(".")) {
      List<String> ops = Words.operands(w);
      return ops.isEmpty() || w.contains("-c") ? null : a.path(ops.get(0));
    }
    return null;
  }

  static Optional<List<String>> crlf(Attempt a) {
    if (a.exit() == 0 && !a.output().contains("\r")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      Path f = script(a, c);
      if (f != null && a.read(f).map(t -> t.contains("\r\n")).orElse(false)) {
        return fires(name(a, f));
      }
    }
    return silent();
  }

  static Optional<List<String>> noExecBit(Attempt a) {
    if (a.exit() != 126 || !a.output().contains("Permission denied")) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      if (!w.isEmpty() && w.get(0).contains("/")) {
        Path f = a.path(w.get(0));
        if (Files.isRegularFile(f) && !Files.isExecutable(f)) {
          return fires(w.get(0));
        }
      }
    }
    return silent();
  }

  /** An executable file run as {@code ./x} whose first line is not {@code #!}: bash ran it as a shell script. */
  static Optional<List<String>> noShebang(Attempt a) {
    if (a.exit() == 0 || !(a.output().contains("command not found") || a.output().contains("syntax error"))) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      if (w.isEmpty() || !w.get(0).contains("/")) {
        continue;
      }
      Path f = a.path(w.get(0));
      Optional<String> text = a.read(f);
      if (text.isPresent() && Files.isExecutable(f) && !text.get().startsWith("#!")) {
        boolean python = w.get(0).endsWith(".py") || text.get().contains("import ") || text.get().contains("print(");
        return fires(w.get(0), python ? "#!/usr/bin/env python3" : "#!/bin/bash");
      }
    }
    return silent();
  }

  /** {@code NAME = value} or {@code NAME= value}: bash ran a command instead of assigning. */
  static Optional<List<String>> assignSpaces(Attempt a) {
    if (a.exit() != 127) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = c.words();
      if (c.assigns().isEmpty() && w.size() >= 2 && NAME.matcher(w.get(0)).matches() && w.get(1).startsWith("=")) {
        String value = w.get(1).length() > 1 ? w.get(1).substring(1) : w.size() > 2 ? w.get(2) : "";
        return fires(w.get(0), value);
      }
      if (!c.assigns().isEmpty() && !w.isEmpty() && c.assigns().get(c.assigns().size() - 1).endsWith("=")) {
        String assign = c.assigns().get(c.assigns().size() - 1);
        return fires(assign.substring(0, assign.length() - 1), w.get(0));
      }
    }
    return silent();
  }

  /** A script that exports or changes directory, run as a program where the step checks this shell's state. */
  static Optional<List<String>> notSourced(Attempt a) {
    List<String> wanted = a.checks("env").stream().map(s -> s.string("name")).toList();
    boolean cwd = !a.checks("cwd").isEmpty();
    if (wanted.isEmpty() && !cwd) {
      return silent();
    }
    for (Syntax.Command c : a.parsed()) {
      List<String> w = Words.run(c);
      if (w.isEmpty() || w.get(0).equals("source") || w.get(0).equals(".")) {
        continue;
      }
      Path f = script(a, c);
      Optional<String> text = f == null ? Optional.empty() : a.read(f);
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = EXPORTS.matcher(text.get());
      while (m.find()) {
        if (wanted.contains(m.group(1))) {
          return fires(name(a, f), "export " + m.group(1));
        }
      }
      if (cwd && CD.matcher(text.get()).find()) {
        return fires(name(a, f), "cd");
      }
    }
    return silent();
  }

  /** {@code [ -f x]}, {@code [$x == 1]}: {@code [} is a command and needs spaces around its words. */
  static Optional<List<String>> testBrackets(Attempt a) {
    String out = a.output();
    if (out.contains("missing `]'") || Pattern.compile("(?m)\\[[^\\s\\]]+: command not found").matcher(out).find()) {
      return fires();
    }
    return silent();
  }

  /** {@code cd "~/dir"}: a quoted tilde is not the home folder. */
  static Optional<List<String>> tildeInQuotes(Attempt a) {
    String line = a.last().map(CommandResult::line).orElse("");
    if (a.output().contains("No such file or directory") && Pattern.compile("[\"']~(/|[\"'])").matcher(line).find()) {
      return fires();
    }
    return silent();
  }

  /** The step wants an exported variable that was only assigned (and never exported since). */
  static Optional<List<String>> notExported(Attempt a) {
    for (CheckSpec env : a.checks("env")) {
      String name = env.string("name");
      if (name == null || !env.flag("exported")) {
        continue;
      }
      boolean assigned = false;
      for (CommandResult r : a.commands()) {
        for (Syntax.Command c : Syntax.commands(r.line())) {
          boolean plain = c.words().isEmpty() && c.assigns().stream().anyMatch(s -> s.startsWith(name + "="));
          boolean exports = List.of("export", "declare", "typeset").contains(c.program())
              && c.words().stream().anyMatch(w -> w.equals(name) || w.startsWith(name + "="));
          assigned = plain || assigned && !exports;
        }
      }
      if (assigned) {
        return fires(name);
      }
    }
    return silent();
  }

  /** {@code echo '$HOME'}: single quotes keep {@code $} as it is; the output shows the name, not the value. */
  static Optional<List<String>> singleQuotedVar(Attempt a) {
    if (a.checks("output").isEmpty()) {
      return silent();
    }
    String line = a.last().map(CommandResult::line).orElse("");
    Matcher m = SINGLE_QUOTED_VAR.matcher(line);
    while (m.find()) {
      String v = m.group(1);
      boolean expected = a.checks("output").stream().anyMatch(s -> s.args().toString().contains(v));
      if (a.output().contains(v) && !expected) {
        return fires(v);
      }
    }
    return silent();
  }

  private static String name(Attempt a, Path f) {
    Path n = f.normalize();
    return n.startsWith(a.workspace()) ? a.workspace().relativize(n).toString() : n.toString();
  }
}

package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.ui.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * cmdchallenge-style line matching: {@code lines} (literal or {@code regex}), {@code order},
 * {@code ignore_non_matching} and {@code re_sub}, with a line diff when it fails.
 */
final class LineMatch {
  private LineMatch() {}

  static List<String> split(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Compares {@code actual} with the spec's lines; {@code loose} ignores trailing blanks. */
  static Result check(CheckSpec spec, List<String> actualIn, boolean loose, Messages m, String what) {
    return check(spec, actualIn, List.of(), loose, m, what);
  }

  /**
   * As above; {@code readings} are other ways to read the same output as lines (the names
   * {@code ls} laid out in columns on the terminal), tried on literal lines when the lines as
   * printed differ. A failure then shows the first reading, said to be one.
   */
  static Result check(CheckSpec spec, List<String> actualIn, List<List<String>> readings, boolean loose,
      Messages m, String what) {
    boolean regex = spec.flag("regex");
    List<String> actual = prepared(spec, actualIn, loose);
    if (same(spec, actual)) {
      return Result.PASS;
    }
    List<List<String>> others = regex ? List.of() : readings;
    for (List<String> r : others) {
      if (same(spec, prepared(spec, r, loose))) {
        return Result.PASS;
      }
    }
    String note = "";
    if (!others.isEmpty()) {
      actual = prepared(spec, others.get(0), loose);
      note = "  " + m.get("diff.columns", others.get(0).size()) + "\n";
    }
    List<String> expected = spec.strings("lines");
    if (!ordered(spec)) {
      List<String> e = new ArrayList<>(expected);
      List<String> a = new ArrayList<>(actual);
      Collections.sort(e);
      Collections.sort(a);
      return Result.fail(m.get("check.lines.unordered", what) + "\n" + note + diff(e, a, regex, m));
    }
    return Result.fail(m.get("check.lines", what) + "\n" + note + diff(expected, actual, regex, m));
  }

  private static boolean ordered(CheckSpec spec) {
    return !"false".equals(spec.args().get("order"));
  }

  /** The output's lines as compared: {@code re_sub} applied, trailing blanks and unmatched lines dropped as asked. */
  private static List<String> prepared(CheckSpec spec, List<String> lines, boolean loose) {
    List<String> expected = spec.strings("lines");
    boolean regex = spec.flag("regex");
    List<String> sub = spec.strings("re_sub");
    Pattern subPattern = sub.size() == 2 ? Pattern.compile(sub.get(0)) : null;
    List<String> actual = new ArrayList<>();
    for (String line : lines) {
      String l = subPattern == null ? line : subPattern.matcher(line).replaceAll(sub.get(1));
      actual.add(loose ? l.stripTrailing() : l);
    }
    if (spec.flag("ignore_non_matching")) {
      actual.removeIf(l -> expected.stream().noneMatch(e -> matches(e, l, regex)));
    }
    return actual;
  }

  private static boolean same(CheckSpec spec, List<String> actual) {
    List<String> expected = spec.strings("lines");
    boolean regex = spec.flag("regex");
    if (!ordered(spec)) {
      return unorderedMatch(expected, actual, regex);
    }
    boolean same = expected.size() == actual.size();
    for (int i = 0; same && i < expected.size(); i++) {
      same = matches(expected.get(i), actual.get(i), regex);
    }
    return same;
  }

  private static boolean matches(String expected, String actual, boolean regex) {
    return regex ? Pattern.compile(expected).matcher(actual).matches() : expected.equals(actual);
  }

  private static boolean unorderedMatch(List<String> expected, List<String> actual, boolean regex) {
    if (expected.size() != actual.size()) {
      return false;
    }
    List<String> left = new ArrayList<>(actual);
    for (String e : expected) {
      int hit = -1;
      for (int i = 0; i < left.size() && hit < 0; i++) {
        if (matches(e, left.get(i), regex)) {
          hit = i;
        }
      }
      if (hit < 0) {
        return false;
      }
      left.remove(hit);
    }
    return true;
  }

  /** A short line diff: the first lines that differ, with invisible differences spelled out. */
  static String diff(List<String> expected, List<String> actual, boolean regex, Messages m) {
    StringBuilder b = new StringBuilder();
    String counts = expected.size() == 1 ? "diff.counts.one" : "diff.counts";
    b.append("  ").append(m.get(counts, expected.size(), actual.size())).append('\n');
    int shown = 0;
    int n = Math.max(expected.size(), actual.size());
    for (int i = 0; i < n && shown < 5; i++) {
      String e = i < expected.size() ? expected.get(i) : null;
      String a = i < actual.size() ? actual.get(i) : null;
      if (e != null && a != null && matches(e, a, regex)) {
        continue;
      }
      shown++;
      b.append("  ").append(m.get("diff.line", i + 1)).append('\n');
      b.append("    - ").append(e == null ? m.get("diff.nothing") : quote(e)).append('\n');
      b.append("    + ").append(a == null ? m.get("diff.nothing") : quote(a)).append('\n');
      String why = e == null || a == null ? null : Whitespace.explain(e, a, m);
      if (why != null) {
        b.append("      ").append(why).append('\n');
      }
    }
    return b.toString().stripTrailing();
  }

  static String quote(String s) {
    return "\"" + s.replace("\r", "\\r").replace("\t", "\\t") + "\"";
  }
}

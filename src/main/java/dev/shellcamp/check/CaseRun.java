package dev.shellcamp.check;

import dev.shellcamp.snippet.CompileError;
import dev.shellcamp.snippet.Outcome;
import dev.shellcamp.ui.Messages;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict of a java check's run: every case passed, a case failed (the code ran and did the
 * wrong thing: what a test failure is), or an error (compile error, timeout, the JVM ended).
 * {@code lasting} is false where another try could differ (a timeout, an engine that did not start).
 */
record CaseRun(Verdict verdict, String reason, boolean lasting) {
  enum Verdict { PASS, FAIL, ERROR }

  static final CaseRun PASSED = new CaseRun(Verdict.PASS, "", true);

  static CaseRun loadProblem(Messages m, String file, Outcome o, Duration timeout) {
    return switch (o.kind()) {
      case COMPILE_ERROR -> new CaseRun(Verdict.ERROR, m.get("check.java.compile", file, errors(o)), true);
      case TIMEOUT -> new CaseRun(Verdict.ERROR, m.get("check.java.timeout", file, timeout.toMillis()), false);
      case EXITED -> new CaseRun(Verdict.ERROR, m.get("check.java.exited", file), true);
      default -> new CaseRun(Verdict.FAIL, m.get("check.java.load-threw", file, thrown(o)), true);
    };
  }

  static CaseRun of(Messages m, Map<String, String> c, Outcome o, Duration timeout) {
    String expr = c.get("expr");
    String wantThrows = c.get("throws");
    switch (o.kind()) {
      case TIMEOUT:
        return new CaseRun(Verdict.FAIL, m.get("check.java.timeout", expr, timeout.toMillis()), false);
      case EXITED:
        return new CaseRun(Verdict.ERROR, m.get("check.java.exited", expr), true);
      case COMPILE_ERROR:
        return new CaseRun(Verdict.ERROR, m.get("check.java.case.compile", expr, errors(o)), true);
      case THREW:
        if (wantThrows == null) {
          return fail(m.get("check.java.case.threw", expr, expected(m, c), thrown(o)));
        }
        if (!sameException(o.exception(), wantThrows)) {
          return fail(m.get("check.java.case.wrong-exception", expr, wantThrows, thrown(o)));
        }
        break;
      default:
        if (wantThrows != null) {
          return fail(o.kind() == Outcome.Kind.VALUE
              ? m.get("check.java.case.no-exception", expr, wantThrows, show(o.value()))
              : m.get("check.java.case.no-exception.done", expr, wantThrows));
        }
        if (c.containsKey("equals") && !c.get("equals").equals(o.value())) {
          return fail(m.get("check.java.case.value", expr, show(c.get("equals")), show(o.value())));
        }
    }
    if (c.containsKey("prints")) {
      String want = normalize(c.get("prints"));
      String got = normalize(o.printed());
      if (!want.equals(got)) {
        return fail(want.isEmpty() ? m.get("check.java.case.silent", expr, show(got))
            : m.get("check.java.case.prints", expr, firstDifference(m, want, got)));
      }
    }
    return PASSED;
  }

  private static CaseRun fail(String reason) {
    return new CaseRun(Verdict.FAIL, reason, true);
  }

  private static String expected(Messages m, Map<String, String> c) {
    return c.containsKey("equals") ? show(c.get("equals")) : m.get("check.java.completed");
  }

  private static boolean sameException(String actual, String wanted) {
    return actual.equals(wanted) || actual.endsWith("." + wanted) || actual.endsWith("$" + wanted);
  }

  private static String thrown(Outcome o) {
    String name = o.exception() == null ? "?" : o.exceptionSimpleName();
    return name + (o.message() == null ? "" : ": " + o.message()) + (o.where() == null ? "" : " at " + o.where());
  }

  private static String errors(Outcome o) {
    return o.errors().stream().limit(3).map(CaseRun::error).collect(Collectors.joining("\n"));
  }

  private static String error(CompileError e) {
    return (e.file().isEmpty() ? "" : "  " + e.file() + ":" + e.line() + ": ") + e.message();
  }

  static String show(String s) {
    if (s == null) {
      return "null";
    }
    String t = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    return "\"" + (t.length() > 200 ? t.substring(0, 200) + "…" : t) + "\"";
  }

  private static String normalize(String s) {
    return s.replace("\r\n", "\n").lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
  }

  private static String firstDifference(Messages m, String want, String got) {
    String[] w = want.split("\n", -1);
    String[] g = got.split("\n", -1);
    for (int i = 0; i < Math.max(w.length, g.length); i++) {
      String a = i < w.length ? w[i] : null;
      String b = i < g.length ? g[i] : null;
      if (a == null || !a.equals(b)) {
        return m.get("check.java.prints.line", i + 1, a == null ? m.get("diff.nothing") : show(a),
            b == null ? m.get("diff.nothing") : show(b));
      }
    }
    return "";
  }
}

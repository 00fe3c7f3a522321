package dev.shellcamp.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: learner code that exits, loops or throws never reaches this JVM. */
class SnippetTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final String STATS = """
      import java.util.Arrays;

      public class Stats {
        static double mean(int[] xs) {
          return Arrays.stream(xs).sum() / (double) xs.length;
        }

        static int max(int[] xs) {
          if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
          }
          return Arrays.stream(xs).max().getAsInt();
        }
      }
      """;

  @TempDir Path ws;

  @Test
  void valueOfAnExpressionAsStringValueOfPrintsIt() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      assertEquals(Outcome.Kind.DONE, s.load("Stats.java", STATS, T).kind());
      Outcome o = s.eval("Stats.mean(new int[]{1, 2, 3})", true, "", T);
      assertEquals(Outcome.Kind.VALUE, o.kind());
      assertEquals("2.0", o.value());
      assertEquals("a \"quoted\"\nline", s.eval("\"a \\\"quoted\\\"\\nline\"", true, "", T).value());
    }
  }

  @Test
  void exceptionNamesClassMessageAndLineInTheLearnersFile() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      s.load("Stats.java", STATS, T);
      Outcome o = s.eval("Stats.max(new int[]{})", true, "", T);
      assertEquals(Outcome.Kind.THREW, o.kind());
      assertEquals("IllegalArgumentException", o.exceptionSimpleName());
      assertEquals("no values", o.message());
      assertEquals("Stats.max (Stats.java)", o.where());
      s.load("Util.java", "// helpers\nstatic int f(int x) {\n  return 10 / x;\n}\n", T);
      Outcome div = s.eval("f(0)", false, "", T);
      assertEquals("ArithmeticException", div.exceptionSimpleName());
      assertEquals("f (Util.java:3)", div.where());
    }
  }

  @Test
  void compileErrorHasTheLineInTheLearnersFile() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      Outcome o = s.load("Stats.java", STATS.replace("getAsInt();", "getAsInt()"), T);
      assertEquals(Outcome.Kind.COMPILE_ERROR, o.kind());
      assertEquals(12, o.errors().get(0).line(), o.errors().toString());
      assertTrue(o.errors().get(0).message().contains("';' expected"), o.errors().toString());
    }
  }

  @Test
  void forwardReferenceBetweenClassesWorksAndAMissingOneIsReported() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      s.load("Report.java", "class Report {\n  static String line(int[] xs) { return \"mean \" + Calc.mean(xs); }\n}\n"
          + "class Calc {\n  static double mean(int[] xs) { return xs.length; }\n}\n", T);
      assertEquals(Outcome.Kind.DONE, s.unresolved().kind());
      assertEquals("mean 2.0", s.eval("Report.line(new int[]{5, 6})", true, "", T).value());
      s.load("Broken.java", "\n\nclass Broken { int f() { return Missing.g(); } }\n", T);
      Outcome o = s.unresolved();
      assertEquals(Outcome.Kind.COMPILE_ERROR, o.kind());
      assertEquals(3, o.errors().get(0).line());
      assertTrue(o.errors().get(0).message().contains("Missing"), o.errors().toString());
    }
  }

  @Test
  void systemExitEndsOnlyTheChild() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      Outcome o = s.eval("System.exit(0)", false, "", T);
      assertEquals(Outcome.Kind.EXITED, o.kind());
      assertTrue(!s.usable());
    }
    assertTrue(Thread.currentThread().isAlive(), "this JVM is still here");
  }

  @Test
  void endlessLoopStopsAtTheTimeout() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      s.eval("1", true, "", T);
      long t0 = System.nanoTime();
      Outcome o = s.eval("while (true) {}", false, "", Duration.ofMillis(700));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(Outcome.Kind.TIMEOUT, o.kind());
      assertTrue(ms >= 650 && ms < 5000, "stopped after " + ms + " ms");
    }
  }

  @Test
  void stdinAndPrintedOutputPerEvaluation() throws Exception {
    try (JavaSession s = JavaSession.start(ws)) {
      s.load("Echo.java", "class Echo { static void main(String[] a) throws Exception {"
          + " var r = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));"
          + " System.out.print(r.readLine().toUpperCase()); } }", T);
      assertEquals("HELLO", s.eval("Echo.main(new String[0])", false, "hello\n", T).printed());
      assertEquals("BYE", s.eval("Echo.main(null)", false, "bye\n", T).printed());
    }
  }

  @Test
  void childRunsInTheWorkspace() throws Exception {
    Files.writeString(ws.resolve("data.txt"), "42\n");
    try (JavaSession s = JavaSession.start(ws)) {
      assertEquals("42", s.eval("java.nio.file.Files.readString(java.nio.file.Path.of(\"data.txt\")).strip()", true, "", T).value());
    }
  }

  @Test
  void engineHandsOutWarmSparesAndLeavesNoChildBehind() throws Exception {
    int before = JavaEngine.liveChildren();
    try (JavaEngine engine = new JavaEngine(ws)) {
      engine.prewarm();
      for (int i = 0; i < 3; i++) {
        try (JavaSession s = engine.take()) {
          assertEquals(String.valueOf(i), s.eval(String.valueOf(i), true, "", T).value());
        }
      }
    }
    long deadline = System.currentTimeMillis() + 20_000;
    while (JavaEngine.liveChildren() > before && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(before, JavaEngine.liveChildren());
  }
}

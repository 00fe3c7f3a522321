package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.snippet.JavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java check against real child JVMs: what a learner sees for each way their code can go wrong. */
class JavaCheckTest {
  private static final String STATS = LearnerStats.SOURCE;
  private static final List<Map<String, String>> CASES = List.of(
      Map.of("expr", "Stats.mean(new int[]{1, 2, 3})", "equals", "2.0"),
      Map.of("expr", "Stats.max(new int[]{})", "throws", "IllegalArgumentException"));

  @TempDir Path ws;
  private JavaEngine engine;

  private FakeContext ctx() {
    return new FakeContext(ws) {
      @Override
      public JavaEngine java() {
        if (engine == null) {
          engine = new JavaEngine(ws);
        }
        return engine;
      }
    };
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private static CheckSpec java(Map<String, Object> args) {
    return new CheckSpec("java", args, 1);
  }

  private Result check(String stats, List<Map<String, String>> cases) throws Exception {
    Files.writeString(ws.resolve("Stats.java"), stats);
    return Checks.evaluate(java(Map.of("file", "Stats.java", "cases", cases, "timeout_ms", "1500")), ctx());
  }

  /** Checks {@code stats}, which must fail with a reason that contains {@code reason}. */
  private Result assertFailsWith(String stats, List<Map<String, String>> cases, String reason) throws Exception {
    Result r = check(stats, cases);
    assertFalse(r.passed());
    assertTrue(r.reason().contains(reason), r.reason());
    return r;
  }

  @Test
  void passesWhenEveryCaseHolds() throws Exception {
    Result r = check(STATS, CASES);
    assertTrue(r.passed(), r.reason());
  }

  @Test
  void failingCaseShowsExpressionExpectedAndActual() throws Exception {
    Result r = check(STATS.replace("(double) sum / xs.length", "sum / xs.length"),
        List.of(Map.of("expr", "Stats.mean(new int[]{1, 2})", "equals", "1.5")));
    assertEquals("`Stats.mean(new int[]{1, 2})`: expected \"1.5\", got \"1.0\"", r.reason());
  }

  @Test
  void compileErrorNamesTheLineInTheLearnersFileAndTheMessage() throws Exception {
    Result r = assertFailsWith(STATS.replace("sum += x;", "sum += x"), CASES, "Stats.java:5: ';' expected");
    assertTrue(r.reason().startsWith("Stats.java does not compile:"), r.reason());
  }

  @Test
  void exceptionInLearnerCodeIsReportedWithWhereItHappened() throws Exception {
    assertFailsWith(STATS.replace("int m = xs[0];", "int m = xs[xs.length];"),
        List.of(Map.of("expr", "Stats.max(new int[]{4, 9})", "equals", "9")),
        "expected \"9\", but it threw ArrayIndexOutOfBoundsException: "
            + "Index 2 out of bounds for length 2 at Stats.max (Stats.java)");
  }

  @Test
  void missingExceptionIsReported() throws Exception {
    assertFailsWith(STATS.replace("if (xs.length == 0) {", "if (false) {"), CASES,
        "expected it to throw IllegalArgumentException, but it threw ArrayIndexOutOfBoundsException");
  }

  @Test
  void systemExitInLearnerCodeDoesNotEndThisJvm() throws Exception {
    assertFailsWith(STATS.replace("int sum = 0;", "int sum = 0; System.exit(0);"), CASES,
        "ended the Java program (System.exit?)");
    assertTrue(check(STATS, CASES).passed(), "the next check gets a working JVM");
  }

  @Test
  void endlessLoopStopsAtTheTimeout() throws Exception {
    long t0 = System.nanoTime();
    assertFailsWith(STATS.replace("int sum = 0;", "int sum = 0; while (xs != null) {}"), CASES,
        "did not finish within 1500 ms");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 8000, "took " + ms + " ms");
  }

  @Test
  void printsAndStdinCompareWhatTheProgramWrote() throws Exception {
    Files.writeString(ws.resolve("Shout.java"), "import java.util.Scanner;\nclass Shout {\n"
        + "  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n"
        + "    while (in.hasNextLine()) System.out.println(in.nextLine().toUpperCase());\n  }\n}\n");
    CheckSpec ok = java(Map.of("file", "Shout.java", "cases", List.of(
        Map.of("expr", "Shout.main(new String[0])", "stdin", "a\nb\n", "prints", "A\nB\n"))));
    assertTrue(Checks.evaluate(ok, ctx()).passed());
    CheckSpec bad = java(Map.of("file", "Shout.java", "cases", List.of(
        Map.of("expr", "Shout.main(new String[0])", "stdin", "a\nb\n", "prints", "A\nC\n"))));
    Result r = Checks.evaluate(bad, ctx());
    assertEquals("`Shout.main(new String[0])` printed something else: line 2: expected \"C\", found \"B\"", r.reason());
  }

  @Test
  void testsMustFailOnTheBuggyVersionAndPassOnTheFixedOne() throws Exception {
    Files.createDirectories(ws.resolve("buggy"));
    Files.writeString(ws.resolve("buggy/Calc.java"), "class Calc { static int add(int a, int b) { return a - b; } }");
    Files.writeString(ws.resolve("Calc.java"), "class Calc { static int add(int a, int b) { return a + b; } }");
    CheckSpec spec = java(Map.of("file", "CalcTest.java", "cases", List.of(Map.of("expr", "CalcTest.main(null)")),
        "against", List.of(Map.of("file", "buggy/Calc.java", "expect", "fail"), Map.of("file", "Calc.java", "expect", "pass"))));
    Files.writeString(ws.resolve("CalcTest.java"), "class CalcTest { public static void main(String[] a) {"
        + " if (Calc.add(2, 3) != 5) throw new AssertionError(\"add(2, 3) should be 5\"); } }");
    Result good = Checks.evaluate(spec, ctx());
    assertTrue(good.passed(), good.reason());

    Files.writeString(ws.resolve("CalcTest.java"), "class CalcTest { public static void main(String[] a) {"
        + " if (Calc.add(0, 0) != 0) throw new AssertionError(); } }");
    Result weak = Checks.evaluate(spec, ctx());
    assertEquals("with buggy/Calc.java (the version with the bug) CalcTest.java must fail, but every case passed: "
        + "add a test that catches the bug", weak.reason());

    Files.writeString(ws.resolve("CalcTest.java"), "class CalcTest { public static void main(String[] a) {"
        + " throw new AssertionError(\"always\"); } }");
    Result always = Checks.evaluate(spec, ctx());
    assertTrue(always.reason().startsWith("with Calc.java (the correct version) it must pass, but: "
        + "`CalcTest.main(null)`: expected it to finish without an exception, but it threw AssertionError: always"),
        always.reason());
  }

  @Test
  void missingFileIsNamed() {
    Result r = Checks.evaluate(java(Map.of("file", "Nope.java", "cases", CASES)), ctx());
    assertEquals("expected the file Nope.java in the lesson folder, but it does not exist", r.reason());
  }

  @Test
  void repeatedCheckAfterAnEditIsFast() throws Exception {
    engine = new JavaEngine(ws);
    engine.prewarm();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread.sleep(1500);  // the learner types; the spare warms meanwhile
      long t0 = System.nanoTime();
      Result r = check(STATS + "// edit " + i + "\n", CASES);
      ms.add((System.nanoTime() - t0) / 1e6);
      assertTrue(r.passed(), r.reason());
    }
    long t0 = System.nanoTime();
    check(STATS + "// edit 7\n", CASES);
    double memo = (System.nanoTime() - t0) / 1e6;
    Collections.sort(ms);
    System.out.printf("java check after an edit: median %.0f ms, max %.0f ms; unchanged files: %.2f ms%n",
        ms.get(ms.size() / 2), ms.get(ms.size() - 1), memo);
    assertTrue(ms.get(ms.size() / 2) < 1000, "median " + ms.get(ms.size() / 2) + " ms");
    assertTrue(memo < 20, "unchanged files are not run again: " + memo + " ms");
  }
}

package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list-shaped parts of a lesson: a java check's cases and versions, misconceptions, accepted cheats. */
class SchemaListsTest {
  private static final Path FILE = Path.of("lesson.yaml");

  private static Node list(Node... items) {
    return new Node(List.of(items), 1);
  }

  /** A map of scalars at {@code line}; {@code kv} alternates keys and values. */
  private static Node map(int line, String... kv) {
    Map<String, Node> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], new Node(kv[i + 1], line));
    }
    return new Node(m, line);
  }

  @Test
  void javaCasesAndVersionsReportTheFirstBadEntryAtItsLine() {
    List<Problem> problems = new ArrayList<>();
    Node good = map(2, "expr", "Stats.mean(xs)", "equals", "2.0");
    assertEquals(List.of(Map.of("expr", "Stats.mean(xs)", "equals", "2.0")),
        JavaSchema.cases(FILE, "cases", list(good), problems));
    assertNull(JavaSchema.cases(FILE, "cases", list(good, map(3, "equals", "1")), problems));
    assertNull(JavaSchema.cases(FILE, "cases", list(map(4, "expr", "f()", "equals", "1", "throws", "E")), problems));
    assertEquals(List.of(new Problem(FILE, 3, "a case needs 'expr', the Java expression to run"),
        new Problem(FILE, 4, "a case has 'equals' or 'throws', not both")), problems);

    problems.clear();
    Node pass = map(5, "file", "Calc.java", "expect", "pass");
    assertEquals(1, JavaSchema.versions(FILE, "against", list(pass), problems).size());
    assertNull(JavaSchema.versions(FILE, "against", list(pass, map(6, "file", "B.java", "expect", "maybe")), problems));
    assertEquals(List.of(new Problem(FILE, 6, "each of 'against' needs 'file' and 'expect: pass' or 'expect: fail'")),
        problems);
  }

  @Test
  void anAbsentListIsNoProblemAndAnotherValueIsOne() {
    List<Problem> problems = new ArrayList<>();
    assertTrue(Misconceptions.read(FILE, null, List.of(), problems).isEmpty());
    assertNull(CheatsAccepted.read(FILE, null, null, problems));
    assertEquals(List.of(), problems);
    Node scalar = new Node("nope", 7);
    assertTrue(Misconceptions.read(FILE, scalar, List.of(), problems).isEmpty());
    assertNull(CheatsAccepted.read(FILE, scalar, null, problems));
    assertEquals(List.of(new Problem(FILE, 7, "'misconceptions' must be a list of {id, typed/output/exit, en, ko}"),
        new Problem(FILE, 7, "'cheats_accepted' must be a list of {kind: KIND, why: REASON}")), problems);
  }
}

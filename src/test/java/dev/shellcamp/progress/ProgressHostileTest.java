package dev.shellcamp.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lesson bombs as progress.json: moved aside with a reason, a fresh start, no crash and no blow-up. */
class ProgressHostileTest {
  @TempDir Path dir;

  static Stream<String> bombs() {
    return Stream.of("doubling-aliases.yaml", "recursive-alias.yaml", "recursive-map.yaml", "deep-nesting.yaml",
        "huge-scalar.yaml", "many-keys.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void bombIsMovedAsideWithAReason(String name) throws Exception {
    Path f = dir.resolve("progress.json");
    Files.copy(Path.of(getClass().getResource("/hostile/yaml/" + name).toURI()), f);
    byte[] original = Files.readAllBytes(f);
    ProgressStore s = new ProgressStore(f);
    assertEquals(-1, (long) assertTimeoutPreemptively(Duration.ofSeconds(20), s::peekSeed));
    Progress p = assertTimeoutPreemptively(Duration.ofSeconds(20), s::load);
    assertTrue(p.lessons().isEmpty());
    assertNotNull(s.warning());
    String[] w = s.warning().split("\t");
    Path aside = Path.of(w[0]);
    assertFalse(Files.exists(f), "progress.json should have been moved aside");
    assertTrue(aside.getFileName().toString().startsWith("progress.json.corrupt-"), aside.toString());
    assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(aside)));
    assertTrue(w.length > 1 && !w[1].isBlank(), s.warning());
    s.save(p);
    assertEquals(List.of(), List.copyOf(s.load().lessons().keySet()));
    assertEquals(null, s.warning());
  }
}

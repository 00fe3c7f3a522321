package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After `kill -9` of the tutor, the next start of the lesson ends what the old one left running. */
class OrphansPtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  @TempDir Path data;

  /** `sleep ARG` processes of this test's lessons (other runs, CI's included, may sleep alike). */
  private List<Long> sleepers(String arg) throws Exception {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
        try {
          return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
              .equals("sleep\0" + arg + "\0")
              && new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8).contains(data.toString());
        } catch (Exception e) {
          return false;
        }
      }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
    }
  }

  @Test
  void survivorsOfAKilledTutorAreEndedAtTheNextStart() throws Exception {
    String a = "3131.5";
    String b = "3132.5";
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      r.line("nohup sleep " + a + " >/dev/null 2>&1 & setsid sleep " + b + " & echo bg-$((1+1))");
      r.await("bg-2", T);
      r.awaitPrompt("1/9 ❯", T);
    } // destroyForcibly: SIGKILL, as kill -9 would
    long end = System.nanoTime() + T.toNanos();
    while ((sleepers(a).isEmpty() || sleepers(b).isEmpty()) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(1, sleepers(a).size(), "nohup survives the killed tutor");
    assertEquals(1, sleepers(b).size(), "setsid survives the killed tutor");
    try (ReplDriver r = new ReplDriver(data, "start", "linux/streams")) {
      String seen = r.awaitPrompt("1/9 ❯", T);
      assertTrue(seen.contains("left running when its tutor was killed"), seen);
      assertTrue(sleepers(a).isEmpty() && sleepers(b).isEmpty(), "both ended");
      r.line(":quit");
      r.await("saved", T);
    }
  }
}

package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.classroom.RealClass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note sent while the learner sits at an interactive prompt is not drawn over the line
 * they are typing; it is shown before the next prompt, once.
 */
class ClassNotePtyTest {
  private static final Duration T = Duration.ofSeconds(20);
  @TempDir Path data;

  @Test
  void aNoteWaitsForTheNextPromptAndIsShownOnce() throws Exception {
    try (RealClass server = new RealClass();
        ReplDriver r = new ReplDriver(data, "--class", server.url(), "--code", server.code(), "--name", "Mina",
            "start", "linux/streams")) {
      r.awaitPrompt("1/9 ❯", T);
      server.hint(server.events().get(0).learner(), "Mina, the answer is a number");
      Thread.sleep(3000);  // fetched by now (every 2 s), but the prompt is not redrawn under the learner
      assertTrue(!r.text().contains("the answer is a number"), r.text());
      r.line("echo next");
      String shown = r.awaitPrompt("1/9 ❯", T);
      assertTrue(shown.contains("💡 A hint from your instructor, just for you: Mina, the answer is a number"), shown);
      r.line("echo again");
      String after = r.awaitPrompt("1/9 ❯", T);
      assertTrue(!after.contains("the answer is a number"), after);
      r.line(":quit");
      assertEquals(0, r.waitExit(T));
      assertEquals(List.of("joined", "lesson_started", "step_entered", "left"), server.types());
    }
  }
}

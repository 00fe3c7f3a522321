package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder nothing can be written to. Tests may run as root, where chmod 555 blocks nothing,
 * so the stand-in is a regular file where the shellcamp folder belongs: every write under it
 * fails, for root too. Lesson workspaces live there as well, so the learner works at the tutor's
 * own prompt (a lesson needs its workspace, which is a separate matter).
 */
class UnsavedProgressTest {
  @TempDir Path data;

  @Test
  void quitSaysWhatWasNotSavedAndTheLearnerKeptWorking() throws Exception {
    Files.writeString(data.resolve("shellcamp"), "not a folder");
    Cli.Run r = Cli.run(data, ":lang en\n:lessons\n:quit\n");
    String all = r.out() + r.err();
    assertTrue(all.contains("linux/streams"), "the menu still works after the failed save: " + all);
    assertFalse(all.contains("Progress saved"), all);
    assertTrue(all.contains("Progress NOT saved") && all.contains(data.resolve("shellcamp/progress.json").toString()), all);
    assertTrue(all.contains("your language choice"), all);
    assertTrue(all.contains("Command history is not being saved to " + data.resolve("shellcamp/history")), all);
    assertFalse(all.contains("Exception") || all.contains("\tat "), all);
  }
}

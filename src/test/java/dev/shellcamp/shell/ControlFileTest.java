package dev.shellcamp.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {
  @TempDir Path dir;

  @Test
  void aShorterLineReplacesTheWholeOldOne() throws Exception {
    Path f = dir.resolve("cmd");
    try (ControlFile c = new ControlFile(f)) {
      c.write("1\necho a long first line");
      c.write("2\nls");
      assertEquals("2\nls", Files.readString(f));
    }
  }

  @Test
  void aFileRemovedBetweenCommandsIsMadeAgain() throws Exception {
    Path f = dir.resolve("cmd");
    try (ControlFile c = new ControlFile(f)) {
      c.write("1\npwd");
      Files.delete(f);
      c.write("2\nls");
      assertEquals("2\nls", Files.readString(f));
    }
  }
}

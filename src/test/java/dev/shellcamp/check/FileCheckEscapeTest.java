package dev.shellcamp.check;

import static dev.shellcamp.check.FakeContext.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson that skipped lint still cannot make a check read outside the workspace. */
class FileCheckEscapeTest {
  @TempDir Path tmp;

  @Test
  void pathsLeavingTheWorkspaceFailWithoutBeingRead() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    // a real file beside the workspace: the check would pass if it looked there
    Files.writeString(tmp.resolve("secret.txt"), "root");
    FakeContext c = new FakeContext(ws);
    for (String p : new String[] {"../secret.txt", "~/../secret.txt", "a/../../secret.txt", tmp.resolve("secret.txt").toString()}) {
      Result r = Checks.evaluate(spec("file", "path", p, "contains", "root"), c);
      assertEquals(Result.fail(p + " is outside the workspace, so this check does not look at it"), r, p);
    }
    Result r = Checks.evaluate(spec("docker", "dockerfile", "../Dockerfile", "instructions", java.util.List.of("^FROM")), c);
    assertEquals(Result.fail("../Dockerfile is outside the workspace, so this check does not look at it"), r);
  }

  @Test
  void pathsThatStayInsideStillWork() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Files.createDirectories(ws.resolve("notes"));
    Files.writeString(ws.resolve("b.txt"), "hi");
    FakeContext c = new FakeContext(ws);
    assertTrue(Checks.evaluate(spec("file", "path", "notes/../b.txt", "contains", "hi"), c).passed());
    assertTrue(Checks.evaluate(spec("file", "path", "~/b.txt", "contains", "hi"), c).passed());
    assertTrue(Checks.evaluate(spec("file", "path", ws.resolve("b.txt").toString(), "contains", "hi"), c).passed());
  }
}

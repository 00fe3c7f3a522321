package dev.shellcamp.lab.batch;

import static dev.shellcamp.lab.batch.BatchJobTest.batch;
import static dev.shellcamp.lab.batch.BatchJobTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.shellcamp.CommandRun;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output path holds the old file or the whole new one, never a part: what a killed cron job leaves. */
class BatchAtomicityTest {
  @TempDir Path dir;

  private String in() throws IOException {
    return Files.writeString(dir.resolve("in.csv"), "id,x\na,1\nb,oops\n").toString();
  }

  @Test
  void anOutputFolderThatDoesNotExistIsExitOneWithNothingWritten() throws IOException {
    String in = in();
    CommandRun r = batch("--model", "half_plus_two", "--input", in, "--output",
        dir.resolve("nope/out.csv").toString());
    assertEquals(1, r.code());
    assertEquals("lab batch: cannot write " + dir.resolve("nope/out.csv") + ": its folder does not exist;"
        + " the output was left as it was\n", r.err());
    Files.writeString(dir.resolve("file"), "not a folder");
    CommandRun underFile = batch("--model", "half_plus_two", "--input", in, "--output",
        dir.resolve("file/out.csv").toString());
    assertEquals(1, underFile.code(), underFile.err());
    assertEquals(List.of("file", "in.csv"), names(dir));
  }

  @Test
  void aReadOnlyFolderIsExitOneWithNoPartialFile() throws IOException {
    String in = in();
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      boolean privileged;
      try {
        Files.delete(Files.createFile(ro.resolve("probe")));
        privileged = true;
      } catch (AccessDeniedException e) {
        privileged = false;
      }
      assumeFalse(privileged, "root writes into read-only folders; the missing-folder test covers this there");
      CommandRun r = batch("--model", "half_plus_two", "--input", in, "--output", ro.resolve("out.csv").toString());
      assertEquals(1, r.code());
      assertTrue(r.err().contains("cannot write " + ro.resolve("out.csv") + ": permission denied"), r.err());
      assertEquals(List.of(), names(ro));
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void anExistingOutputIsReplacedOnlyOnSuccess() throws IOException {
    String in = in();
    Path out = Files.writeString(dir.resolve("out.csv"), "yesterday's predictions\n");
    // the rejects file cannot be written, so the run fails after the predictions were computed
    CommandRun failed = batch("--model", "half_plus_two", "--input", in, "--output", out.toString(),
        "--rejects", dir.resolve("gone/rejects.csv").toString());
    assertEquals(1, failed.code());
    assertEquals("yesterday's predictions\n", Files.readString(out));
    // a usage error does not touch it either
    Files.writeString(dir.resolve("bad.csv"), "id,z\na,1\n");
    assertEquals(2, batch("--model", "half_plus_two", "--input", dir.resolve("bad.csv").toString(),
        "--output", out.toString()).code());
    assertEquals("yesterday's predictions\n", Files.readString(out));
    assertEquals(List.of("bad.csv", "in.csv", "out.csv"), names(dir), "no temporary files left behind");
    CommandRun ok = batch("--model", "half_plus_two", "--input", in, "--output", out.toString());
    assertEquals(0, ok.code(), ok.err());
    assertEquals("id,y\na,2.5\n", Files.readString(out));
    assertEquals("line,id,reason\n3,b,line 3: column x: 'oops' is not a number\n",
        Files.readString(dir.resolve("out.rejects.csv")));
  }

  @Test
  void untilCommittedTheTargetKeepsItsOldContent() throws IOException {
    Path target = Files.writeString(dir.resolve("t.csv"), "old\n");
    BatchAtomicFile f = BatchAtomicFile.create(target);
    f.writer().write("new, and much longer than the old\n".repeat(10_000));
    f.writer().flush();
    assertEquals("old\n", Files.readString(target), "mid-write, a reader still sees the old file");
    // a killed job never calls close(): the target is untouched, a hidden temporary file remains
    List<String> names = names(dir);
    assertEquals(2, names.size());
    assertTrue(names.get(0).matches("\\.t\\.csv\\.[0-9a-f]+\\.tmp"), names.toString());
    f.commit();
    f.close();
    assertEquals("new, and much longer than the old\n".repeat(10_000), Files.readString(target));
    assertEquals(List.of("t.csv"), names(dir));
  }

  @Test
  void closingWithoutCommitDiscardsTheTemporaryFile() throws IOException {
    Path target = dir.resolve("fresh.csv");
    try (BatchAtomicFile f = BatchAtomicFile.create(target)) {
      f.writer().write("half a file");
    }
    assertFalse(Files.exists(target));
    assertEquals(List.of(), names(dir));
  }
}

package dev.shellcamp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSyncTest {
  @TempDir Path tmp;

  @Test
  void undoesEveryKindOfChangeAnAttemptCanMake() throws IOException {
    Path saved = tmp.resolve("saved");
    Path ws = tmp.resolve("ws");
    Files.createDirectories(saved.resolve(".venv/bin"));
    Files.writeString(saved.resolve("notes.txt"), "original\n");
    Files.writeString(saved.resolve("same-size.txt"), "aaaa");
    Files.writeString(saved.resolve(".venv/pyvenv.cfg"), "home = /usr/bin\n");
    Files.createDirectories(saved.resolve("dir-becomes-file"));
    Files.writeString(saved.resolve("dir-becomes-file/x"), "x");
    Files.writeString(saved.resolve("file-becomes-dir"), "f");
    Files.createSymbolicLink(saved.resolve(".venv/bin/python"), Path.of("/usr/bin/python3"));
    Files.writeString(saved.resolve("script.sh"), "#!/bin/sh\n");
    WorkspaceSync.restore(saved, ws);
    assertEquals(tree(saved), tree(ws));

    // an attempt: edits, a same-size edit, chmod, new and deleted files, kinds swapped, a link moved
    Files.writeString(ws.resolve("notes.txt"), "changed by a cheat\n");
    Files.writeString(ws.resolve("same-size.txt"), "bbbb");
    Files.setLastModifiedTime(ws.resolve("same-size.txt"), FileTime.fromMillis(1_000_000));
    Files.setPosixFilePermissions(ws.resolve("script.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(ws.resolve("requirements.txt"), "greet==9\n");
    Files.createDirectories(ws.resolve("venv/lib"));
    Files.delete(ws.resolve(".venv/pyvenv.cfg"));
    Workspace.wipe(ws.resolve("dir-becomes-file"));
    Files.writeString(ws.resolve("dir-becomes-file"), "now a file");
    Files.delete(ws.resolve("file-becomes-dir"));
    Files.createDirectories(ws.resolve("file-becomes-dir/sub"));
    Files.delete(ws.resolve(".venv/bin/python"));
    Files.createSymbolicLink(ws.resolve(".venv/bin/python"), Path.of("/elsewhere/python3"));
    Files.setPosixFilePermissions(ws.resolve(".venv"), PosixFilePermissions.fromString("r-x------"));

    WorkspaceSync.restore(saved, ws);
    assertEquals(tree(saved), tree(ws));
  }

  @Test
  void aFifoInTheWorkspaceIsNeverOpened() throws Exception {
    Path saved = tmp.resolve("saved");
    Path ws = tmp.resolve("ws");
    Files.createDirectories(saved);
    Files.writeString(saved.resolve("a.txt"), "a");
    if (new ProcessBuilder("mkfifo", saved.resolve("tick").toString()).start().waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
    // a lesson's job reads from a FIFO it made; copying it would block on open for ever
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
      WorkspaceSync.restore(saved, ws);
      Workspace.copyTree(saved, tmp.resolve("copy"));
    });
    assertEquals("a", Files.readString(ws.resolve("a.txt")));
  }

  /** Every entry with its kind, permissions, and content or link target. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String key = root.relativize(p).toString();
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isSymbolicLink(p)) {
          m.put(key, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          m.put(key, key.isEmpty() ? "root" : "dir " + perms);
        } else {
          m.put(key, "file " + perms + " " + Files.readString(p));
        }
      }
    }
    return m;
  }
}

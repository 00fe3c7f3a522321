package dev.shellcamp.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Size and modification time of every regular file in a workspace, to tell which files a
 * reference solution wrote. Environments and caches are left out: thousands of files a learner
 * never writes by hand, which no generated cheat could fake anyway.
 */
record FileStamps(Map<String, String> stamps) {
  private static final Set<String> SKIPPED = Set.of(".venv", "venv", "node_modules", "__pycache__", ".cache", ".git");

  static FileStamps of(Path workspace) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
        return !dir.equals(workspace) && SKIPPED.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
        if (a.isRegularFile()) {
          m.put(workspace.relativize(f).toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE;  // a cheat's chmod 000 must not stop the scan
      }
    });
    return new FileStamps(m);
  }

  /** The files that are new or differ in {@code after}, in the workspace's walk order. */
  List<String> changedIn(FileStamps after) {
    List<String> changed = new ArrayList<>();
    after.stamps.forEach((path, stamp) -> {
      if (!stamp.equals(stamps.get(path))) {
        changed.add(path);
      }
    });
    return changed;
  }

  boolean has(String path) {
    return stamps.containsKey(path);
  }
}

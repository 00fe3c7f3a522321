package dev.shellcamp.lesson;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The rule for symlinks in a lesson's files/ folder, shared by lint and the workspace copy.
 * A link is copied as the link it is, so it must point inside files/ (which becomes the
 * workspace): anything else would hand the learner's shell, and the checks, a way out.
 */
public final class LessonFiles {
  private LessonFiles() {}

  /**
   * Whether {@code link}, a symlink somewhere under {@code root}, points inside {@code root}.
   * Both the written target and, when it exists, the resolved one must stay inside: a link to
   * "d/.." is harmless as text but leaves root if d is itself a link to ".".
   */
  public static boolean staysInside(Path root, Path link) {
    try {
      Path target = Files.readSymbolicLink(link);
      if (target.isAbsolute()) {
        return false;
      }
      Path base = root.toAbsolutePath().normalize();
      if (!link.toAbsolutePath().getParent().resolve(target).normalize().startsWith(base)) {
        return false;
      }
      if (!Files.exists(link)) {
        return true; // dangling: nothing to reach yet, and its text stays inside
      }
      return link.toRealPath().startsWith(root.toRealPath());
    } catch (IOException | SecurityException e) {
      return false; // a link that cannot be read is not copied either
    }
  }

  /** Adds a problem for files/ itself being a link and for each link in it that points out. */
  static void check(Path lessonDir, List<Problem> problems) {
    Path files = lessonDir.resolve("files");
    if (Files.isSymbolicLink(files)) {
      problems.add(new Problem(files, 1, "files/ must be a folder, not a symlink; it is not copied into the workspace"));
      return;
    }
    if (!Files.isDirectory(files, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(files, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
          if (attrs.isSymbolicLink() && !staysInside(files, f)) {
            problems.add(new Problem(f, 1, "files/" + files.relativize(f) + " is a symlink to '"
                + Files.readSymbolicLink(f) + "', outside files/; it is not copied into the workspace"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          problems.add(new Problem(f, 1, "files/" + files.relativize(f) + " cannot be read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new Problem(files, 1, "cannot read files/: " + e.getMessage()));
    }
  }
}

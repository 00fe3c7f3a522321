package dev.shellcamp.run;

import dev.shellcamp.lesson.LessonFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** A lesson's working directory (also its HOME): created from files/, copied, restored, wiped. */
public final class Workspace {
  private Workspace() {}

  /** $XDG_DATA_HOME/shellcamp/work/<course>/<name>. */
  public static Path of(Path dataHome, String lessonId) {
    return dataHome.resolve("work").resolve(lessonId);
  }

  /** Empties {@code dir} and fills it with the lesson's files/ folder, if it has one. */
  public static void fresh(Path dir, Path lessonFiles) throws IOException {
    wipe(dir);
    Files.createDirectories(dir);
    // files/ as a link would make the copy start somewhere else on the machine
    if (lessonFiles != null && Files.isDirectory(lessonFiles, LinkOption.NOFOLLOW_LINKS)) {
      copyTree(lessonFiles, dir);
    }
  }

  public static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        // a learner's chmod 000 must not make the workspace impossible to reset
        d.toFile().setReadable(true, true);
        d.toFile().setWritable(true, true);
        d.toFile().setExecutable(true, true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Files.delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Empties {@code dir} but keeps the directory itself, so a shell inside it keeps a valid cwd. */
  public static void clear(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          wipe(p);
        } else {
          Files.delete(p);
        }
      }
    }
  }

  /** Copies a lesson's files/: links are copied as links, and only those that stay inside {@code from}. */
  public static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Path target = to.resolve(from.relativize(f).toString());
        if (attrs.isSymbolicLink()) {
          if (!LessonFiles.staysInside(from, f)) {
            return FileVisitResult.CONTINUE; // lint reports it; a link out is never recreated
          }
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Files.readSymbolicLink(f));
        } else if (attrs.isOther()) {
          return FileVisitResult.CONTINUE; // a FIFO or socket: opening it to copy would block
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

package dev.shellcamp.progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file whole: write a temporary sibling, fsync, rename over the file, fsync the
 * folder. A crash or kill -9 leaves the old content or the new, never half of either. The
 * temporary name ends in {@code .tmp-PID}, so a later start can tell a dead writer's leftover.
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  public static void replace(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      commit(ch, tmp, file);
    }
  }

  /**
   * The end of every atomic write, for a writer that streams its temporary file (a batch job's
   * output) as well as for {@link #replace}: fsync the temporary file and close it, rename it over
   * {@code file}, fsync the folder. {@code temp} must be in {@code file}'s folder (a rename is
   * atomic only within one file system). When the rename fails, the temporary file is left to the caller.
   */
  public static void commit(FileChannel written, Path temp, Path file) throws IOException {
    written.force(true);
    written.close();
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    // the rename lives in the folder: without this a power cut can undo it. Not every system
    // lets a folder be opened (Windows does not); there the rename is as durable as it gets.
    try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // best effort, see above
    }
  }
}

package dev.shellcamp.lab.batch;

import dev.shellcamp.progress.AtomicWrite;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that appears whole or not at all. It is written under a hidden temporary name in the
 * target's own folder (a rename is atomic only within one file system), then flushed to the disk
 * and renamed over the target by {@link AtomicWrite#commit}, the step that also writes progress.json.
 * A job killed midway leaves the old file, or none, plus at most a {@code .NAME.*.tmp} file; never a
 * half-written {@code NAME} that a reader could take for a result. Closing without {@link #commit}
 * removes the temporary file.
 */
final class BatchAtomicFile implements Closeable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final Writer writer;
  private boolean done;

  private BatchAtomicFile(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
        1 << 16);
  }

  static BatchAtomicFile create(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    while (true) {
      // not Files.createTempFile: it makes the file 0600, and a job's output is usually read by others
      Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
          .nextLong() >>> 16) + ".tmp");
      try {
        return new BatchAtomicFile(target, temp,
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException e) {
        // another run's temporary file has this name: draw another
      }
    }
  }

  Writer writer() {
    return writer;
  }

  /** Makes the written text the target's content: flush, then {@link AtomicWrite#commit}. */
  void commit() throws IOException {
    writer.flush();
    AtomicWrite.commit(channel, temp, target);
    done = true;
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      try {
        writer.close();
      } catch (IOException e) {
        // the file is discarded anyway
      }
      Files.deleteIfExists(temp);
    }
  }

  /** An I/O failure in words a person acts on ("its folder does not exist"), not an exception's class name. */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      return "its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}

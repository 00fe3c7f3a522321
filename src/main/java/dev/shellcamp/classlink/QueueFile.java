package dev.shellcamp.classlink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code queue.jsonl}. The file stays open for appending, so an event costs one
 * write and no open; {@link EventQueue} holds the lock that orders appends and swaps.
 */
final class QueueFile implements Closeable {
  private final Path file;
  private FileChannel out;
  private long lines;

  QueueFile(Path file) {
    this.file = file;
  }

  /** Opens the file and returns its whole lines; a line torn by a crash mid-write is cut off. */
  List<String> open() throws IOException {
    List<String> found = new ArrayList<>();
    if (Files.exists(file)) {
      byte[] all = Files.readAllBytes(file);
      int end = all.length;
      while (end > 0 && all[end - 1] != '\n') {
        end--;
      }
      if (end > 0) {
        found.addAll(List.of(new String(all, 0, end - 1, StandardCharsets.UTF_8).split("\n")));
      }
      if (end < all.length) {
        // the next append must start a line of its own, or it would be glued to the torn one
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(end);
        }
      }
    }
    lines = found.size();
    out = append(file);
    return found;
  }

  private static FileChannel append(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  void append(String line) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    lines++;
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }

  long lines() {
    return lines;
  }

  void truncate() throws IOException {
    out.truncate(0);
    lines = 0;
  }

  /** Writes the lines to keep beside the file (the slow part, done outside the queue's lock). */
  Path writeAside(List<String> keep) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.write(tmp, keep, StandardCharsets.UTF_8);
    return tmp;
  }

  /** Puts {@code tmp} plus the lines queued since it was written in the file's place. */
  void swap(Path tmp, List<String> since) throws IOException {
    Files.write(tmp, since, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    long n;
    try (var s = Files.lines(tmp, StandardCharsets.UTF_8)) {
      n = s.count();
    }
    out.close();
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      lines = n;
    } finally {
      out = append(file);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

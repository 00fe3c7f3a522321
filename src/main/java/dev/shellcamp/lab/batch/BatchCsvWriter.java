package dev.shellcamp.lab.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written atomically ({@link BatchAtomicFile}), quoted as RFC 4180 says but with LF
 * line ends: the files are read by shell tools and scripts, for which a CR sticks to the last
 * field. Every failure comes out as "cannot write FILE: why".
 */
final class BatchCsvWriter implements Closeable {
  private final Path file;
  private final BatchAtomicFile atomic;
  private final Writer out;

  private BatchCsvWriter(Path file, BatchAtomicFile atomic) {
    this.file = file;
    this.atomic = atomic;
    this.out = atomic.writer();
  }

  static BatchCsvWriter open(Path file) throws IOException {
    try {
      return new BatchCsvWriter(file, BatchAtomicFile.create(file));
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  void row(List<String> fields) throws IOException {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quote(fields.get(i)));
      }
      out.write('\n');
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  /** Puts the file in place; until then the old one, if any, stays. */
  void commit() throws IOException {
    try {
      atomic.commit();
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  /** Discards what was written unless committed. */
  @Override
  public void close() throws IOException {
    atomic.close();
  }

  /** The field as is, or in quotes (inner quotes doubled) where it holds a comma, quote or line break. */
  static String quote(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }

  private static IOException failed(Path file, IOException e) {
    return new IOException("cannot write " + file + ": " + BatchAtomicFile.why(e), e);
  }
}

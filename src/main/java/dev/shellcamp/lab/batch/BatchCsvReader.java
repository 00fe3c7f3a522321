package dev.shellcamp.lab.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields quoted with {@code "}, a quote inside one doubled,
 * commas and line breaks inside quotes kept. Lines may end in CRLF, LF or a lone CR; a UTF-8
 * byte-order mark at the start is dropped, because spreadsheet exports add one.
 *
 * <p>It streams a record at a time, so a file larger than memory is fine. A malformed record
 * (a quote never closed, text after a closing quote) comes back with a {@code problem} rather
 * than ending the read: in a batch job one bad row must not cost the other rows.
 */
final class BatchCsvReader implements Closeable {
  /** One record; {@code line} is the file line it starts on (1 = the first), for messages. */
  record Record(int line, List<String> fields, String problem) {}

  private static final int EOF = -1;
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;
  private boolean started;

  BatchCsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end. Empty lines are no records: an editor's trailing newline is not a row. */
  Record next() throws IOException {
    int c = peek();
    while (c == '\r' || c == '\n') {
      lineBreak(read());
      c = peek();
    }
    if (c == EOF) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    String problem = null;
    StringBuilder field = new StringBuilder();
    while (true) {
      field.setLength(0);
      if (peek() == '"') {
        read();
        if (!quoted(field)) {
          fields.add(field.toString());
          return new Record(start, fields, "a quoted field is still open at the end of the file");
        }
        if (!atFieldEnd(peek()) && problem == null) {
          problem = "field " + (fields.size() + 1) + " has text after its closing quote";
        }
      }
      // unquoted text, or what follows a closing quote (kept, so the record stays readable)
      while (!atFieldEnd(peek())) {
        field.append((char) read());
      }
      fields.add(field.toString());
      int end = read();
      if (end != ',') {
        lineBreak(end);
        return new Record(start, fields, problem);
      }
    }
  }

  /** Reads a quoted field's text after its opening quote; false if the file ends before it closes. */
  private boolean quoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        return false;
      }
      if (c == '"') {
        if (peek() != '"') {
          return true;
        }
        read();
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      field.append((char) c);
    }
  }

  private static boolean atFieldEnd(int c) {
    return c == ',' || c == '\r' || c == '\n' || c == EOF;
  }

  /** Counts a line break just read; CRLF is one. */
  private void lineBreak(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c != EOF) {
      line++;
    }
  }

  private int read() throws IOException {
    int c = peek();
    if (c != EOF) {
      pos++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return EOF;
      }
      if (!started) {
        started = true;
        if (buf[0] == '\uFEFF') {
          pos = 1;
          return peek();
        }
      }
    }
    return buf[pos];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.shellcamp.classlink;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON of docs/class.md, in and out, and nothing else. */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();

  private Wire() {}

  /**
   * One event as one line. {@code seq} comes first, so reading the queue back needs no JSON
   * parser ({@link #seqOf}).
   */
  static String eventLine(long seq, ClassEvent e) {
    StringWriter w = new StringWriter(160);
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("seq", seq);
      g.writeStringField("type", e.type());
      g.writeNumberField("at", e.at());
      if (e.where() != null) {
        g.writeStringField("lesson", e.where().lesson());
        g.writeStringField("step", e.where().step());
        g.writeNumberField("index", e.where().index());
        g.writeNumberField("total", e.where().total());
      }
      if (e.reason() != null) {
        g.writeObjectFieldStart("reason");
        for (Map.Entry<String, String> r : e.reason().entrySet()) {
          g.writeStringField(r.getKey(), r.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);  // a StringWriter does not fail
    }
    return w.toString();
  }

  /** The seq of a queued line, or -1 for a line that is not one of ours (a torn or edited one). */
  static long seqOf(String line) {
    String head = "{\"seq\":";
    if (!line.startsWith(head) || !line.endsWith("}")) {
      return -1;
    }
    int i = head.length();
    int end = i;
    while (end < line.length() && end - i < 18 && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return end > i && line.charAt(end) == ',' ? Long.parseLong(line.substring(i, end)) : -1;
  }

  /** A batch body from queued lines, which are JSON already. */
  static String batch(long sent, List<String> lines) {
    StringBuilder b = new StringBuilder(64 + lines.size() * 200);
    b.append("{\"sent\":").append(sent).append(",\"events\":[");
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? "" : ",").append(lines.get(i));
    }
    return b.append("]}").toString();
  }

  /** A JSON string literal. */
  static String string(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String object(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The notes of a notes answer; a note that is not one is left out rather than failing the rest. */
  static List<Note> notes(String body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.isArray()) {
      throw new IOException("expected a JSON array of notes");
    }
    List<Note> notes = new ArrayList<>();
    for (JsonNode n : root) {
      if (n.path("id").canConvertToLong() && n.path("text").isTextual()) {
        notes.add(new Note(n.get("id").asLong(), clean(n.get("text").asText(), 4000),
            n.path("kind").asText("broadcast"), n.path("at").asLong(0)));
      }
    }
    return notes;
  }

  /** The {@code error} of an error answer, or null when the body is not one. */
  static String error(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.path("error").isTextual() ? clean(n.get("error").asText(), 300) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Text from the server as it may be printed in the learner's terminal: without control
   * characters (an escape sequence could rewrite the screen), and cut to {@code max}.
   */
  static String clean(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    s.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).limit(max)
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}

package dev.shellcamp.lab.json;

/** Malformed JSON: what was wrong and the byte offset (0 = first byte) where it was found. */
public final class JsonException extends RuntimeException {
  private final int offset;

  JsonException(String problem, int offset) {
    super("invalid JSON at byte " + offset + ": " + problem);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }
}

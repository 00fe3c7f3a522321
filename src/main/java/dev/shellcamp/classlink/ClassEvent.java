package dev.shellcamp.classlink;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event before it is queued (the queue gives it its {@code seq}). {@code where} is null for
 * joined, idle and left; {@code reason} is only for check_failed. {@code type} is a string so a
 * test can make the server refuse an event; the REPL goes through {@link EventType}.
 */
record ClassEvent(String type, long at, Where where, Map<String, String> reason) {
  /** docs/class.md: each reason text is at most 2,000 characters. */
  static final int MAX_REASON = 2000;

  static ClassEvent of(EventType type, Where where) {
    return new ClassEvent(type.wire(), System.currentTimeMillis(), where, null);
  }

  static ClassEvent failed(Where where, Map<String, String> reason) {
    Map<String, String> cut = new LinkedHashMap<>();
    reason.forEach((lang, text) -> cut.put(lang, cut(text)));
    return new ClassEvent(EventType.CHECK_FAILED.wire(), System.currentTimeMillis(), where, cut);
  }

  /** At most {@link #MAX_REASON} characters, never half of a surrogate pair (an emoji in found output). */
  private static String cut(String text) {
    if (text.length() <= MAX_REASON) {
      return text;
    }
    int end = MAX_REASON - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}

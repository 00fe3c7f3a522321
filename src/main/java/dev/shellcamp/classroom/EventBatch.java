package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.classlink.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * A tutor's batch of events, checked whole before anything is stored: one bad event refuses the
 * batch with a 400 that names it, so a batch is never stored in part.
 */
final class EventBatch {
  static final int MAX_EVENTS = 100;
  static final int MAX_ID = 200;
  static final int MAX_REASON = 2_000;

  private EventBatch() {}

  /** The events of {@code body} for {@code learner}, their times moved onto the server's clock. */
  static List<Event> parse(byte[] body, String learner, long now) throws ApiError {
    JsonNode root = Http.object(body, "{\"sent\": …, \"events\": […]}");
    JsonNode sent = root.get("sent");
    if (sent == null || !sent.canConvertToLong()) {
      throw new ApiError(400, "\"sent\" must be the tutor's clock in epoch milliseconds");
    }
    // the tutor's clock may be off by minutes: move each time by the difference seen on this batch
    long skew = now - sent.asLong();
    JsonNode events = root.get("events");
    if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new ApiError(400, "\"events\" must be an array of 1 to " + MAX_EVENTS + " events");
    }
    List<Event> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(event(events.get(i), i, learner, skew, now));
    }
    return out;
  }

  private static Event event(JsonNode n, int i, String learner, long skew, long now) throws ApiError {
    String where = "event " + i + ": ";
    if (!n.isObject()) {
      throw new ApiError(400, where + "expected an object");
    }
    JsonNode seq = n.get("seq");
    if (seq == null || !seq.isIntegralNumber() || seq.asLong() < 1) {
      throw new ApiError(400, where + "\"seq\" must be a whole number from 1");
    }
    String typeName = text(n, "type", where, 40, true);
    EventType type = EventBatch.type(typeName)
        .orElseThrow(() -> new ApiError(400, where + "unknown type \"" + typeName + "\""));
    JsonNode at = n.get("at");
    if (at == null || !at.isIntegralNumber()) {
      throw new ApiError(400, where + "\"at\" must be epoch milliseconds");
    }
    String lesson = text(n, "lesson", where, MAX_ID, placed(type) || type == EventType.LESSON_STARTED);
    String step = text(n, "step", where, MAX_ID, placed(type));
    int index = number(n, "index", where, placed(type));
    int total = number(n, "total", where, placed(type));
    if (placed(type) && index >= total) {
      throw new ApiError(400, where + "\"index\" " + index + " is not below \"total\" " + total);
    }
    String en = null;
    String ko = null;
    if (type == EventType.CHECK_FAILED) {
      JsonNode reason = n.get("reason");
      if (reason == null || !reason.isObject()) {
        throw new ApiError(400, where + "check_failed needs \"reason\": {\"en\": …, \"ko\": …}");
      }
      en = text(reason, "en", where + "reason ", MAX_REASON, true);
      ko = text(reason, "ko", where + "reason ", MAX_REASON, false);
    }
    // a time from the future (after correction) would make "time on step" negative
    long when = Math.min(at.asLong() + skew, now);
    return new Event(learner, seq.asLong(), type, when, lesson, step, index, total, en, ko);
  }

  /** The type a wire name stands for: the tutor's own enum, so both ends share one list. */
  static java.util.Optional<EventType> type(String wire) {
    for (EventType t : EventType.values()) {
      if (t.wire().equals(wire)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }

  /** Events that say where the learner is, so they must name a lesson and a step. */
  static boolean placed(EventType t) {
    return t != EventType.JOINED && t != EventType.IDLE && t != EventType.LEFT && t != EventType.LESSON_STARTED
        && t != EventType.LESSON_COMPLETED;
  }

  private static String text(JsonNode n, String field, String where, int max, boolean required) throws ApiError {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new ApiError(400, where + "\"" + field + "\" is missing");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new ApiError(400, where + "\"" + field + "\" must be a non-empty string");
    }
    String s = v.asText();
    if (s.length() > max) {
      throw new ApiError(400, where + "\"" + field + "\" is " + s.length() + " characters; at most " + max);
    }
    return s;
  }

  private static int number(JsonNode n, String field, String where, boolean required) throws ApiError {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new ApiError(400, where + "\"" + field + "\" is missing");
      }
      return -1;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 10_000) {
      throw new ApiError(400, where + "\"" + field + "\" must be a whole number from 0 to 10000");
    }
    return v.asInt();
  }
}

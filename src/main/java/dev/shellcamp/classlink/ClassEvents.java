package dev.shellcamp.classlink;

import dev.shellcamp.ui.Messages;
import java.util.List;
import java.util.Map;

/**
 * What the REPL tells a class and hears from it, with no HTTP in sight. Every method returns
 * at once: an event is one line appended to a file. {@link #NONE} is the tutor not in a class.
 */
public interface ClassEvents {
  ClassEvents NONE = new ClassEvents() {};

  /** Whether events go anywhere; when not, the REPL skips the work that only events need. */
  default boolean joined() {
    return false;
  }

  /** An event at {@code where} (null for joined, idle and left). Not for check_failed. */
  default void emit(EventType type, Where where) {}

  /** A failed check with its reason in both languages: {"en": …, "ko": …}. */
  default void checkFailed(Where where, Map<String, String> reason) {}

  /** A line was entered: the idle timer starts again. */
  default void lineEntered() {}

  /** The instructor's notes that arrived since the last call, oldest first. */
  default List<Note> takeNotes() {
    return List.of();
  }

  /** Problems with the link to say once (a refused batch, the link revoked, events dropped). */
  default List<String> takeNotices(Messages m) {
    return List.of();
  }
}

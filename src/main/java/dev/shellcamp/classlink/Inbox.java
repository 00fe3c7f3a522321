package dev.shellcamp.classlink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the sender thread has for the REPL's next prompt: the instructor's notes, and problems
 * the learner should hear of once (a batch set aside, the link revoked, events dropped).
 */
final class Inbox {
  /** A problem to tell, as a message key and its arguments. */
  record Notice(String key, Object... args) {}

  private final ConcurrentLinkedQueue<Note> notes = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
  private volatile long shownUpTo;

  void add(Note n) {
    notes.add(n);
  }

  void tell(Notice n) {
    notices.add(n);
  }

  /** The notes not yet shown, oldest first; they count as shown from now on. */
  List<Note> takeNotes() {
    List<Note> out = new ArrayList<>();
    for (Note n; (n = notes.poll()) != null; ) {
      out.add(n);
      shownUpTo = Math.max(shownUpTo, n.id());
    }
    return out;
  }

  /** The id of the last note shown, for link.json (written by the sender, off the prompt). */
  long shownUpTo() {
    return shownUpTo;
  }

  List<Notice> takeNotices() {
    List<Notice> out = new ArrayList<>();
    for (Notice n; (n = notices.poll()) != null; ) {
      out.add(n);
    }
    return out;
  }
}

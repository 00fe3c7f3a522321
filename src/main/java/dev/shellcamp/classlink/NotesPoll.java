package dev.shellcamp.classlink;

import java.io.IOException;
import java.time.Duration;

/** {@code GET /api/notes?after=ID}: new notes go to the inbox, each once. */
final class NotesPoll {
  private final ClassApi api;
  private final Inbox inbox;
  private final LinkState link;
  private final Timing timing;
  /** The last note fetched: starts at the last one shown, so a note fetched but never shown comes again. */
  private long fetchedUpTo;

  NotesPoll(ClassApi api, Inbox inbox, LinkState link, Timing timing) {
    this.api = api;
    this.inbox = inbox;
    this.link = link;
    this.timing = timing;
    this.fetchedUpTo = link.get().lastNote();
  }

  /** Asks for new notes; true when the server answered them. */
  boolean fetch() {
    ClassApi.Answer a = api.notes(link.get(), fetchedUpTo);
    if (a.status() == 401) {
      link.revoke(inbox);
      return false;
    }
    if (a.status() != 200) {
      return false;
    }
    try {
      for (Note n : Wire.notes(a.body()).stream().sorted((x, y) -> Long.compare(x.id(), y.id())).toList()) {
        if (n.id() > fetchedUpTo) {
          inbox.add(n);
          fetchedUpTo = n.id();
        }
      }
      return true;
    } catch (IOException e) {
      return false;  // not a notes answer: asked again next time
    }
  }

  /** When to ask next: every few seconds, and not more often than events are retried while the server is away. */
  Duration next(boolean answered) {
    Duration every = timing.notesEvery();
    return answered || every.compareTo(timing.firstBackoff()) >= 0 ? every : timing.firstBackoff();
  }
}

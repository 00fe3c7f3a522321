package dev.shellcamp.classlink;

import java.io.IOException;

/**
 * The link while joined, shared by the REPL and the sender: whether the server still takes
 * it, and the last note shown, which is saved to link.json by the sender, not at the prompt.
 */
final class LinkState {
  private final LinkFile file;
  private volatile ClassLink link;
  private volatile boolean revoked;

  LinkState(LinkFile file, ClassLink link) {
    this.file = file;
    this.link = link;
  }

  ClassLink get() {
    return link;
  }

  boolean revoked() {
    return revoked;
  }

  /** The server answered 401: these credentials no longer work, so nothing more is tried; said once. */
  void revoke(Inbox inbox) {
    if (!revoked) {
      revoked = true;
      inbox.tell(new Inbox.Notice("class.revoked", link.url()));
    }
  }

  /** Notes up to {@code id} were shown; link.json keeps that, so no note is shown twice. */
  void rememberShown(long id) {
    ClassLink l = link;
    if (id > l.lastNote()) {
      ClassLink next = l.withLastNote(id);
      try {
        file.save(next);
        link = next;
      } catch (IOException e) {
        // tried again on the sender's next round; until then the note is only in memory
      }
    }
  }
}

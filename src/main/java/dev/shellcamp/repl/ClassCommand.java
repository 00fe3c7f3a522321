package dev.shellcamp.repl;

import dev.shellcamp.classlink.ClassConnection;
import dev.shellcamp.classlink.ClassLink;
import dev.shellcamp.classlink.JoinFailure;
import dev.shellcamp.classlink.Note;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code :class}: join a class, show the link, leave it; and what the class has to say at the
 * next prompt (the instructor's notes, problems with the link), which arrive on another thread.
 */
final class ClassCommand {
  private final Screen screen;
  private final ClassConnection classes;

  ClassCommand(Screen screen, ClassConnection classes) {
    this.screen = screen;
    this.classes = classes;
  }

  /** {@code :class}, {@code :class leave} or {@code :class URL CODE NAME} (a name may hold spaces). */
  boolean run(String args) throws IOException {
    if (args.isEmpty()) {
      show();
    } else if (args.equals("leave")) {
      leave();
    } else {
      String[] a = args.split("\\s+", 3);
      join(a[0], a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null);
    }
    return true;
  }

  private void join(String url, String code, String name) {
    Optional<ClassLink> before = classes.link();
    try {
      ClassLink l = classes.join(url, code, name, screen.messages.lang(), screen.messages);
      boolean kept = before.isPresent() && before.get().secret().equals(l.secret());
      screen.ok(screen.msg(kept ? "class.already" : "class.joined", l.url(), l.name()));
    } catch (JoinFailure e) {
      screen.fail(e.getMessage());
    }
  }

  private void show() {
    Optional<ClassConnection.Status> s = classes.status();
    if (s.isEmpty()) {
      screen.note(screen.msg("class.not-joined"));
      return;
    }
    ClassConnection.Status st = s.get();
    screen.println(screen.msg("class.status", st.url(), st.name(), st.unsent()));
    if (st.revoked()) {
      screen.fail(screen.msg("class.revoked", st.url()));
    } else if (st.problem() != null) {
      screen.note(screen.msg("class.status-problem", st.problem()));
    }
    if (st.dropped() > 0) {
      screen.note(screen.msg("class.status-dropped", st.dropped()));
    }
  }

  private void leave() throws IOException {
    Optional<ClassLink> l = classes.link();
    if (l.isEmpty()) {
      screen.note(screen.msg("class.not-joined"));
      return;
    }
    int unsent = classes.leave();
    screen.ok(unsent == 0 ? screen.msg("class.left", l.get().url()) : screen.msg("class.left-unsent", l.get().url(), unsent));
  }

  /** At start: in a class or not, and a link file that had to be moved aside. */
  void banner() {
    String warning = classes.startupWarning(screen.messages);
    if (warning != null) {
      screen.fail(warning);
    }
    classes.link().ifPresent(l -> screen.note(screen.msg("class.joined-banner", l.url(), l.name())));
  }

  /** Before a prompt is drawn: notes from the instructor, then problems to say once. */
  void showNews() {
    for (Note n : classes.takeNotes()) {
      String text = n.text().strip().replace("\n", "\n  ");
      String key = (screen.plain ? "plain.class-" : "class.note.") + (n.forMeOnly() ? "hint" : "broadcast");
      screen.println(screen.plain ? screen.msg(key, text) : screen.theme.warn(screen.msg(key, text)));
    }
    for (String notice : classes.takeNotices(screen.messages)) {
      screen.fail(notice);
    }
  }
}

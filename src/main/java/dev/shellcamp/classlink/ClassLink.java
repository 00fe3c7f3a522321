package dev.shellcamp.classlink;

/**
 * A joined class: where it is, who the server knows us as, and the last note shown, so a
 * note is shown once even across launches.
 */
public record ClassLink(String url, String learner, String secret, String name, long lastNote) {
  /** The credential of the events and notes routes: {@code Bearer LEARNER.SECRET}. */
  String bearer() {
    return "Bearer " + learner + "." + secret;
  }

  ClassLink withLastNote(long id) {
    return new ClassLink(url, learner, secret, name, id);
  }
}

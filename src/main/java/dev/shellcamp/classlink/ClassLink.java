package dev.shellcamp.classlink;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A joined class: where it is, who the server knows us as, and the last note shown, so a
 * note is shown once even across launches. Its JSON, component by component, is link.json.
 */
public record ClassLink(String url, String learner, String secret, String name,
    @JsonProperty("last_note") long lastNote) {
  /** The credential of the events and notes routes: {@code Bearer LEARNER.SECRET}. */
  String bearer() {
    return "Bearer " + learner + "." + secret;
  }

  ClassLink withLastNote(long id) {
    return new ClassLink(url, learner, secret, name, id);
  }
}

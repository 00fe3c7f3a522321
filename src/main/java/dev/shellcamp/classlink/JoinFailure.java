package dev.shellcamp.classlink;

/**
 * Joining did not work; the message is for the learner, in their language, and says what was
 * expected and what was found. {@link #noClass()} tells "no class server answered there"
 * (an environment problem) from "the class said no" (wrong code, name taken: a usage problem).
 */
public final class JoinFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean noClass;

  JoinFailure(String message) {
    this(message, false);
  }

  JoinFailure(String message, boolean noClass) {
    super(message, null, false, false);
    this.noClass = noClass;
  }

  public boolean noClass() {
    return noClass;
  }
}

package dev.shellcamp.sandbox;

/** A back end could not do what was asked; the message says what and why, for the instructor's log and the learner's page. */
public final class SandboxException extends Exception {
  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }

  public SandboxException(String message) {
    super(message);
  }
}

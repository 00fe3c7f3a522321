package dev.shellcamp.snippet;

import java.util.List;

/**
 * What happened when code ran: a value (as {@code String.valueOf} prints it), normal completion,
 * a thrown exception (class name, message, where in the learner's file), compile errors, a
 * timeout, or the child JVM ending (a learner's {@code System.exit}). {@code printed} is what the
 * code wrote to System.out.
 */
public record Outcome(Kind kind, String value, String exception, String message, String where, String printed,
    List<CompileError> errors) {
  public enum Kind { VALUE, DONE, THREW, COMPILE_ERROR, TIMEOUT, EXITED }

  static Outcome of(Kind kind, String printed) {
    return new Outcome(kind, null, null, null, null, printed, List.of());
  }

  static Outcome value(String value, String printed) {
    return new Outcome(Kind.VALUE, value, null, null, null, printed, List.of());
  }

  static Outcome threw(String exception, String message, String where, String printed) {
    return new Outcome(Kind.THREW, null, exception, message, where, printed, List.of());
  }

  static Outcome errors(List<CompileError> errors) {
    return new Outcome(Kind.COMPILE_ERROR, null, null, null, null, "", List.copyOf(errors));
  }

  public boolean ok() {
    return kind == Kind.VALUE || kind == Kind.DONE;
  }

  /** The exception's simple name: JShell reports learner classes as {@code REPL.$JShell$12$MyError}. */
  public String exceptionSimpleName() {
    if (exception == null) {
      return null;
    }
    String s = exception.substring(exception.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }
}

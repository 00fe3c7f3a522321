package dev.shellcamp.check;

/** The verdict of one check, with a reason saying what was expected and what was found. */
public record Result(boolean passed, String reason) {
  public static final Result PASS = new Result(true, "");

  public static Result fail(String reason) {
    return new Result(false, reason);
  }
}

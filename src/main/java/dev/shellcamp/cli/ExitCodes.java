package dev.shellcamp.cli;

/** The one table of exit codes (DESIGN.md section 2). */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int ENVIRONMENT = 3;

  private ExitCodes() {}
}

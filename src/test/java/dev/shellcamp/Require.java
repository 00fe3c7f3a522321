package dev.shellcamp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;

/**
 * A test that needs something this machine may lack (PostgreSQL, Chromium) skips without it —
 * unless SHELLCAMP_REQUIRE names it: CI installs those and lists them, so there a missing one fails
 * instead of silently skipping.
 */
public final class Require {
  private Require() {}

  public static boolean required(String what) {
    return Arrays.stream(System.getenv().getOrDefault("SHELLCAMP_REQUIRE", "").split(","))
        .map(String::strip).anyMatch(what::equals);
  }

  /** Skips, or fails where {@code what} is required, when {@code missing} is not null. */
  public static void present(String what, String missing) {
    if (missing == null) {
      return;
    }
    if (required(what)) {
      fail("SHELLCAMP_REQUIRE names " + what + ", but " + missing);
    }
    assumeTrue(false, what + " is not here: " + missing);
  }
}

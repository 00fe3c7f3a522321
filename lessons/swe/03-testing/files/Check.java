/** A tiny assertion helper: each check that fails throws AssertionError, which fails the run. */
class Check {
  static int passed = 0;

  static void equal(Object expected, Object actual, String what) {
    if (!java.util.Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
    passed++;
  }

  static void near(double expected, double actual, String what) {
    if (Math.abs(expected - actual) > 1e-9) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
    passed++;
  }

  static void throwsError(Class<? extends Throwable> type, Runnable code, String what) {
    try {
      code.run();
    } catch (Throwable t) {
      if (type.isInstance(t)) {
        passed++;
        return;
      }
      throw new AssertionError(what + ": expected " + type.getSimpleName() + ", got " + t);
    }
    throw new AssertionError(what + ": expected " + type.getSimpleName() + ", but nothing was thrown");
  }

  static void done() {
    System.out.println(passed + " checks passed");
  }
}

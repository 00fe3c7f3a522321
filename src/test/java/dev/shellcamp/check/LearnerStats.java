package dev.shellcamp.check;

/**
 * A learner's Stats.java (mean and max of an int array, max throwing on none) that passes the java
 * check: what {@link JavaCheckTest} breaks in each way a learner can, and what the java-check bench
 * times.
 */
public final class LearnerStats {
  public static final String SOURCE = """
      public class Stats {
        static double mean(int[] xs) {
          int sum = 0;
          for (int x : xs) {
            sum += x;
          }
          return (double) sum / xs.length;
        }

        static int max(int[] xs) {
          if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
          }
          int m = xs[0];
          for (int x : xs) {
            m = Math.max(m, x);
          }
          return m;
        }
      }
      """;

  private LearnerStats() {}
}

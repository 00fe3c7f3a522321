/** Small calculations on a list of measurements. */
class Calc {
  static int sum(int[] xs) {
    int total = 0;
    for (int x : xs) {
      total += x;
    }
    return total;
  }

  static double average(int[] xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("average of no values");
    }
    return (double) sum(xs) / xs.length;
  }

  static int range(int[] xs) {
    int min = xs[0];
    int max = xs[0];
    for (int x : xs) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return max - min;
  }
}

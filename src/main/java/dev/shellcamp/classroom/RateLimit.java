package dev.shellcamp.classroom;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets by key (a learner, a client address): a burst is taken, a flood is refused with 429. */
final class RateLimit {
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

  RateLimit(double perSecond, double burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** Takes {@code cost} from {@code key}'s bucket, or says in how many seconds it could be taken. */
  void take(String key, int cost, String what) throws ApiError {
    long now = nanos.getAsLong();
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
    synchronized (b) {
      b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
      b[1] = now;
      if (b[0] >= cost) {
        b[0] -= cost;
        return;
      }
      long wait = (long) Math.ceil((cost - b[0]) / perSecond);
      throw new ApiError(429, "too many " + what + ": at most " + (int) perSecond + " a second; try again in "
          + Math.max(1, wait) + " s", Long.toString(Math.max(1, wait)));
    }
  }
}

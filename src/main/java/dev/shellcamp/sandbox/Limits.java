package dev.shellcamp.sandbox;

import java.time.Duration;

/**
 * What one sandbox may use, as the instructor set it. The defaults fit a 30-learner class on a
 * 16-core, 32 GiB host (docs/class.md): a tutor at rest is about 150 MiB, a lesson's bash and
 * Python a little more.
 */
public record Limits(double cpus, int memoryMiB, int pids, Duration idle) {
  public static final Limits DEFAULT = new Limits(1.0, 768, 256, Duration.ofMinutes(30));

  public Limits {
    if (cpus <= 0 || memoryMiB < 128 || pids < 32 || idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("limits need cpus > 0, memory >= 128 MiB, pids >= 32 and idle > 0; got "
          + cpus + " cpus, " + memoryMiB + " MiB, " + pids + " pids, idle " + idle);
    }
  }

  long memoryBytes() {
    return memoryMiB * 1024L * 1024L;
  }
}

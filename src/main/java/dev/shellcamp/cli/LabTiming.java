package dev.shellcamp.cli;

import dev.shellcamp.lab.load.LoadPlan;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options `lab check` and `lab load` share (a picocli mixin, as jbang's FormatMixin): how
 * long to warm up and measure, the per-request timeout, and --json. Each command passes its own
 * defaults; picocli takes them as the options' defaults, so help shows them and a second
 * execution starts from them again.
 */
final class LabTiming {
  @Option(names = "--duration", description = "how long to measure: 500ms, 10s, 1m (default: ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--warmup", description = "load sent but not recorded, before measuring (default: ${DEFAULT-VALUE})")
  String warmup;

  @Option(names = "--timeout", description = "per request; longer counts as a hang (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--json", description = "print one JSON document instead of the text report")
  boolean json = false;

  LabTiming(String duration, String warmup, String timeout) {
    this.duration = duration;
    this.warmup = warmup;
    this.timeout = timeout;
  }

  /** The options parsed; IllegalArgumentException names the option that is wrong. */
  Duration duration() {
    return LoadPlan.parseDuration("--duration", duration);
  }

  Duration warmup() {
    return LoadPlan.parseDuration("--warmup", warmup);
  }

  Duration timeout() {
    return LoadPlan.parseDuration("--timeout", timeout);
  }
}

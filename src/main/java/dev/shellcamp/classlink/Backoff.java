package dev.shellcamp.classlink;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How long to wait before the next try: doubling after each failure, or what the server asked for. */
final class Backoff {
  /** A Retry-After beyond this is taken as this: the queue waits, but a typo must not stall it for days. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  private final Duration first;
  private final Duration max;
  private Duration next;

  Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** The wait after one more failure: 1 s, 2 s, 4 s … up to the maximum. */
  Duration failed() {
    Duration d = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return d;
  }

  void reset() {
    next = first;
  }

  /** The wait a 429 asks for in its Retry-After (seconds or an HTTP date); without one, as after a failure. */
  Duration retryAfter(Optional<String> header) {
    Optional<Duration> asked = header.flatMap(Backoff::parse);
    if (asked.isEmpty()) {
      return failed();
    }
    return asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked.get();
  }

  static Optional<Duration> parse(String value) {
    String v = value.strip();
    try {
      if (v.matches("\\d{1,9}")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      }
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

package dev.shellcamp.lab.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `lab load` is asked to do: one request, sent {@code rate} times a second for
 * {@code duration} after an unrecorded {@code warmup}. Invalid input is an
 * {@link IllegalArgumentException} whose message is fit to show the learner as is.
 *
 * @param body null for no body
 * @param expect a substring every 2xx body must contain, or null for no body check
 */
public record LoadPlan(URI url, double rate, Duration duration, Duration warmup, int connections,
    Duration timeout, String method, String body, String expect) {

  /** A KServe V2 infer request for half_plus_two, the model the built-in server ships. */
  public static final String DEFAULT_BODY =
      "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1.0]}]}";

  /** Past this the schedule is finer than the clock and park() can keep; the learner's laptop can't either. */
  public static final double MAX_RATE = 100_000;

  public LoadPlan {
    if (!(rate > 0) || rate > MAX_RATE) {
      throw new IllegalArgumentException("--rate must be more than 0 and at most " + (long) MAX_RATE
          + " requests a second, not " + rate);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("--duration must be longer than 0");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("--warmup cannot be negative");
    }
    if (connections < 1) {
      throw new IllegalArgumentException("--connections must be at least 1, not " + connections);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("--timeout must be longer than 0");
    }
    method = method.toUpperCase(Locale.ROOT);
    if (!method.matches("[A-Z]+")) {
      throw new IllegalArgumentException("--method must be a word such as GET or POST, not \"" + method + "\"");
    }
  }

  /** An http(s) URL with a host, or a message saying what is wrong with it. */
  public static URI parseUrl(String text) {
    try {
      URI u = new URI(text);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("not an http:// or https:// URL: " + text);
      }
      if (u.getHost() == null) {
        throw new IllegalArgumentException("no host in URL: " + text);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + text + " (" + e.getReason() + ")");
    }
  }

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 1m}, {@code 1m30s}; a bare number is refused, since its unit would be a guess. */
  public static Duration parseDuration(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(t);
    long nanos = 0;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos += Math.round(n * unit);
      at = m.end();
    }
    if (t.isEmpty() || at != t.length()) {
      String hint = t.matches("\\d+(\\.\\d+)?") ? " (add a unit: " + t + "s or " + t + "ms)" : "";
      throw new IllegalArgumentException(option + ": cannot read \"" + text
          + "\" as a duration; use e.g. 500ms, 10s, 1m or 1m30s" + hint);
    }
    return Duration.ofNanos(nanos);
  }

  /** POST, PUT and PATCH carry the V2 body unless told otherwise; GET and the rest carry none. */
  public static String defaultBody(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "POST", "PUT", "PATCH" -> DEFAULT_BODY;
      default -> null;
    };
  }

  long slotOffsetNanos(long slot) {
    // from the slot number each time, not by adding a rounded period, so the schedule cannot drift
    return (long) (slot * 1e9 / rate);
  }
}

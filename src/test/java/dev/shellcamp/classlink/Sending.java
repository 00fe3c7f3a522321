package dev.shellcamp.classlink;

import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.time.Duration;

/** What the sender's tests share, against the stand-in server or the real one: a tutor joined as Mina. */
final class Sending {
  /** Quick back-off, so a test waits for the server, not for the clock. */
  static final Timing FAST = new Timing(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(200),
      Duration.ofMinutes(5), Duration.ofMillis(50), 100_000);
  static final Where AT = new Where("linux/streams", "overwrite", 1, 9);

  private Sending() {}

  static ClassConnection joined(Path data, Timing t, String url, String code) throws JoinFailure {
    ClassConnection c = ClassConnection.open(data, t);
    c.join(url, code, "Mina", "en", Messages.of("en"));
    return c;
  }
}

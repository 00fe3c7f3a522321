package dev.shellcamp.classroom;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A sandbox's terminal as a script sees it: the WebSocket of docs/class.md. What arrives is kept
 * (escape sequences taken out for matching); {@link #pause} stops reading it, as a stalled
 * browser would.
 */
final class TerminalClient implements AutoCloseable {
  private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?>=]*[ -/]*[@-~]|\\][^\u0007]*\u0007|[()][0-9A-Za-z]|[=>78])");
  private final StringBuffer received = new StringBuffer();
  private final WebSocket ws;
  private volatile boolean paused;
  private volatile int closeCode = -1;
  private volatile long bytes;

  TerminalClient(String url) throws Exception {
    ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(url), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            received.append(data);
            bytes += data.length();
            if (!paused) {
              w.request(1);
            }
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closeCode = code;
            return null;
          }
        }).get(20, TimeUnit.SECONDS);
  }

  void type(String keys) throws Exception {
    ws.sendText(keys, true).get(10, TimeUnit.SECONDS);
  }

  void resize(int cols, int rows) throws Exception {
    type("{\"resize\":[" + cols + "," + rows + "]}");
  }

  /** The text so far with escape sequences and carriage returns taken out. */
  String screen() {
    return ESCAPES.matcher(received).replaceAll("").replace("\r", "");
  }

  long received() {
    return bytes;
  }

  /** Waits for {@code regex} in what arrived after {@code from} chars of the screen; fails naming what came instead. */
  String await(String regex, int from, Duration within) throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      String s = screen();
      if (p.matcher(s.substring(Math.min(from, s.length()))).find()) {
        return s;
      }
      Thread.sleep(100);
    }
    String s = screen();
    fail("no /" + regex + "/ on the terminal within " + within.toSeconds() + " s; its last lines:\n"
        + s.substring(Math.max(0, s.length() - 1500)));
    return s;
  }

  String await(String regex, Duration within) throws InterruptedException {
    return await(regex, 0, within);
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    ws.request(1);
  }

  int closeCode() {
    return closeCode;
  }

  @Override
  public void close() {
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
  }
}

package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.sandbox.Sandbox;
import dev.shellcamp.sandbox.SandboxException;
import dev.shellcamp.sandbox.Viewer;
import java.io.IOException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * A browser's terminal on one sandbox: text frames in are keys, text frames out are the TTY's
 * output, and a frame that is exactly {@code {"resize":[cols,rows]}} resizes it (docs/class.md).
 * Public only because Jetty calls its listener methods through method handles.
 */
public final class TerminalSocket implements Session.Listener.AutoDemanding, Viewer {
  private final Sandbox sandbox;
  private volatile Session session;

  TerminalSocket(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void onWebSocketOpen(Session s) {
    session = s;
    sandbox.connect(this);
  }

  @Override
  public void onWebSocketText(String text) {
    try {
      int[] size = resize(text);
      if (size != null) {
        sandbox.resize(size[0], size[1]);
      } else {
        sandbox.keys(text);
      }
    } catch (SandboxException | IOException e) {
      send("\r\n\u001b[31m[" + e.getMessage() + "]\u001b[0m\r\n", () -> { });
    }
  }

  /** {@code {"resize":[cols,rows]}} with sizes a terminal can have, or null when the frame is keys. */
  static int[] resize(String text) {
    if (!text.startsWith("{\"resize\"") || text.length() > 64) {
      return null;
    }
    try {
      JsonNode n = Http.JSON.readTree(text).get("resize");
      if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isInt() || !n.get(1).isInt()) {
        return null;
      }
      int cols = n.get(0).asInt();
      int rows = n.get(1).asInt();
      return cols >= 2 && cols <= 1000 && rows >= 2 && rows <= 500 ? new int[] {cols, rows} : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    sandbox.disconnect(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    sandbox.disconnect(this);
  }

  @Override
  public void send(String text, Runnable done) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      done.run();
      return;
    }
    s.sendText(text, Callback.from(done, failure -> done.run()));
  }

  @Override
  public void close(String why) {
    Session s = session;
    if (s != null && s.isOpen()) {
      // a close reason is at most 123 bytes of UTF-8
      String r = why.length() > 100 ? why.substring(0, 100) : why;
      s.close(StatusCode.NORMAL, r, Callback.NOOP);
    }
  }
}

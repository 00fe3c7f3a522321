package dev.shellcamp.classroom;

import dev.shellcamp.sandbox.Sandbox;
import java.time.Duration;
import org.eclipse.jetty.http.pathmap.RegexPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** The sandboxes' terminal WebSockets, {@code /api/sandboxes/{id}/terminal?key=…}, in front of the other routes. */
final class Terminals {
  private Terminals() {}

  static Handler handler(Server server, SandboxApi sandboxes, Handler routes) {
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
      // a learner's pasted block is at most a few KiB; keys are single characters
      container.setMaxTextMessageSize(64 * 1024);
      // a terminal left open is idle, not dead: the browser reconnects if the network drops
      container.setIdleTimeout(Duration.ofHours(12));
      container.addMapping(new RegexPathSpec("^/api/sandboxes/([^/]+)/terminal$"), (req, resp, callback) -> {
        String path = Request.getPathInContext(req);
        String id = path.split("/")[3];
        String key = Request.extractQueryParameters(req).getValue("key");
        try {
          Sandbox s = sandboxes.terminal(id, key, Request.getLocalPort(req));
          return new TerminalSocket(s);
        } catch (ApiError e) {
          Response.writeError(req, resp, callback, e.status, e.getMessage());
          return null;
        }
      });
    });
    ws.setHandler(routes);
    return ws;
  }
}

package dev.shellcamp.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The board's page, script and style, from the jar (no CDN: a classroom network may have no internet). */
final class BoardAssets {
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";
  private static final String WEBJARS = "/META-INF/resources/webjars/";
  private static final Map<String, String[]> FILES = Map.of(
      "/board", new String[] {"board/board.html", "text/html; charset=utf-8"},
      "/board.js", new String[] {"board/board.js", JS},
      "/board.css", new String[] {"board/board.css", CSS});
  /** The learners' page of a class with sandboxes: join, then a terminal. */
  private static final Map<String, String[]> SANDBOX_FILES = Map.of(
      "/", new String[] {"board/learner.html", "text/html; charset=utf-8"},
      "/learner.js", new String[] {"board/learner.js", JS},
      "/learner.css", new String[] {"board/learner.css", CSS},
      "/xterm/xterm.js", new String[] {WEBJARS + "xterm/4.9.0/lib/xterm.js", JS},
      "/xterm/xterm.css", new String[] {WEBJARS + "xterm/4.9.0/css/xterm.css", CSS},
      "/xterm/fit.js", new String[] {WEBJARS + "xterm-addon-fit/0.3.0/lib/xterm-addon-fit.js", JS});

  private final boolean sandboxes;

  BoardAssets(boolean sandboxes) {
    this.sandboxes = sandboxes;
  }

  boolean serve(String path, String method, Response response, Callback callback) throws IOException, ApiError {
    String[] file = FILES.get(path);
    if (file == null && sandboxes) {
      file = SANDBOX_FILES.get(path);
    }
    if (file == null && path.equals("/")) {
      response.getHeaders().put("Location", "/board");
      Http.send(response, callback, 302, "text/plain; charset=utf-8", new byte[0]);
      return true;
    }
    if (file == null) {
      return false;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      throw new ApiError(405, "use GET");
    }
    try (InputStream in = BoardAssets.class.getResourceAsStream(file[0])) {
      if (in == null) {
        throw new ApiError(404, "the board's " + file[0] + " is missing from this build");
      }
      // the pages never load anything from elsewhere, and no other site may frame them (xterm
      // styles its rows inline)
      response.getHeaders().put("Content-Security-Policy",
          "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              + "frame-ancestors 'none'");
      response.getHeaders().put("Referrer-Policy", "no-referrer");
      Http.send(response, callback, 200, file[1], in.readAllBytes());
    }
    return true;
  }
}

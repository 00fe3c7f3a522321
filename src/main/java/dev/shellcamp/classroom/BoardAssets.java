package dev.shellcamp.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The board's page, script and style, from the jar (no CDN: a classroom network may have no internet). */
final class BoardAssets {
  private static final Map<String, String[]> FILES = Map.of(
      "/board", new String[] {"board.html", "text/html; charset=utf-8"},
      "/board.js", new String[] {"board.js", "text/javascript; charset=utf-8"},
      "/board.css", new String[] {"board.css", "text/css; charset=utf-8"});

  boolean serve(String path, String method, Response response, Callback callback) throws IOException, ApiError {
    if (path.equals("/")) {
      response.getHeaders().put("Location", "/board");
      Http.send(response, callback, 302, "text/plain; charset=utf-8", new byte[0]);
      return true;
    }
    String[] file = FILES.get(path);
    if (file == null) {
      return false;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      throw new ApiError(405, "use GET");
    }
    try (InputStream in = BoardAssets.class.getResourceAsStream("board/" + file[0])) {
      if (in == null) {
        throw new ApiError(404, "the board's " + file[0] + " is missing from this build");
      }
      // the board never loads anything from elsewhere, and no other site may frame it
      response.getHeaders().put("Content-Security-Policy",
          "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      response.getHeaders().put("Referrer-Policy", "no-referrer");
      Http.send(response, callback, 200, file[1], in.readAllBytes());
    }
    return true;
  }
}

package dev.shellcamp.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a POST body as JSON, in the order a client's mistakes are best explained: content type
 * (415), size (413), emptiness and syntax (400).
 *
 * <p>Content type: {@code application/json}, with any parameters, is accepted, and so is a
 * request with no Content-Type at all (many small clients send none, and the body is parsed
 * strictly anyway); a charset other than UTF-8 and every other type get 415. The most common
 * case, {@code curl -d} without {@code -H 'Content-Type: application/json'}, says so.
 */
final class RequestBody {
  static final int LIMIT = 1 << 20;
  /** How much of an unread body is thrown away after the answer; past this the connection is cut. */
  private static final long DISCARD_LIMIT = 64L << 20;

  private RequestBody() {}

  static Object readJson(HttpExchange ex) throws IOException {
    checkContentType(ex.getRequestHeaders().getFirst("Content-Type"));
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && contentLength(length) > LIMIT) {
      throw new ApiError(413, "the request body is " + length.trim() + " bytes; the limit is " + LIMIT
          + " bytes (1 MiB)");
    }
    byte[] body = ex.getRequestBody().readNBytes(LIMIT + 1);
    if (body.length > LIMIT) {
      throw new ApiError(413, "the request body is over the limit of " + LIMIT + " bytes (1 MiB)");
    }
    if (body.length == 0) {
      throw ApiError.badRequest("the request body is empty; send a JSON object");
    }
    try {
      return JsonParser.parse(body);
    } catch (JsonException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private static long contentLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Content-Length is not a number: '" + header + "'");
    }
  }

  private static void checkContentType(String header) {
    if (header == null) {
      return;
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json")) {
      throw new ApiError(415, "Content-Type must be application/json, got '" + header + "'"
          + (type.equals("application/x-www-form-urlencoded")
              ? " (curl -d sends that; add -H 'Content-Type: application/json')" : ""));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].trim().split("=", 2);
      String value = kv.length == 2 ? kv[1].trim().replace("\"", "") : "";
      if (kv[0].trim().equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
        throw new ApiError(415, "JSON must be UTF-8, got charset '" + value + "'");
      }
    }
  }

  /**
   * After the answer is sent: reads what is left of the request body and throws it away. The JDK
   * reads only 64 KiB of an unread body and then closes the socket, and closing a socket with
   * unread bytes makes the kernel send a reset, which can destroy the answer (a 413, say) before
   * the client has read it. Bounded, so a client cannot keep a thread reading forever.
   */
  static void discard(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    byte[] buf = new byte[16 << 10];
    long left = DISCARD_LIMIT;
    int n;
    while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
      left -= n;
    }
  }
}

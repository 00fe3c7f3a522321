package dev.shellcamp.lab.server;

import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Judges a POST body as JSON, in the order a client's mistakes are best explained: content type
 * (415), size (413), emptiness and syntax (400). The first two are read from the headers before
 * any of the body; {@link BodyReader} reads the body itself.
 *
 * <p>Content type: {@code application/json}, with any parameters, is accepted, and so is a
 * request with no Content-Type at all (many small clients send none, and the body is parsed
 * strictly anyway); a charset other than UTF-8 and every other type get 415. The most common
 * case, {@code curl -d} without {@code -H 'Content-Type: application/json'}, says so.
 */
final class RequestBody {
  static final int LIMIT = 1 << 20;
  /**
   * How much of a body is read and thrown away after an answer that did not need it (a 413, a
   * 404...): a client that writes its whole body before reading would otherwise have its socket
   * reset by the kernel (unread bytes at close) and lose the answer. Past this the connection is cut.
   */
  static final long DISCARD_LIMIT = 64L << 20;

  private RequestBody() {}

  /** 415 and 413 from the headers alone, before a byte of the body is read. */
  static void check(HttpFields headers) {
    checkContentType(headers.get(HttpHeader.CONTENT_TYPE));
    String length = headers.get(HttpHeader.CONTENT_LENGTH);
    if (length != null && contentLength(length) > LIMIT) {
      throw new ApiError(413, "the request body is " + length.trim() + " bytes; the limit is " + LIMIT
          + " bytes (1 MiB)");
    }
  }

  /** The body as JSON; {@code body} holds at most LIMIT + 1 bytes, the last one telling "over the limit". */
  static Object parse(byte[] body) {
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
}

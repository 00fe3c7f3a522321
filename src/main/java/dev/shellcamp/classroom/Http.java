package dev.shellcamp.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The few things every route does with Jetty's request and response. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void json(Response response, Callback callback, int status, Object body) throws IOException {
    send(response, callback, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  static void error(Response response, Callback callback, ApiError e) throws IOException {
    if (e.retryAfter != null) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfter);
    }
    if (e.status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    json(response, callback, e.status, java.util.Map.of("error", e.getMessage()));
  }

  /**
   * Past this many bytes an oversized body is not read to its end before the 413: the connection is
   * closed instead. Below it the body is read and thrown away first, because a reply sent while the
   * client is still writing, followed by a close, resets the connection and the client never sees why.
   */
  static final long DRAIN = 4L << 20;

  /** The body, refused with 413 past {@code max} bytes whether or not a length was announced. */
  static byte[] body(Request request, int max) throws ApiError, IOException {
    long announced = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (announced > max) {
        if (announced <= DRAIN) {
          discard(in, announced);
        }
        throw new ApiError(413, "the body is " + announced + " bytes; at most " + max + " are taken");
      }
      byte[] b = in.readNBytes(max + 1);
      if (b.length > max) {
        discard(in, DRAIN - b.length);
        throw new ApiError(413, "the body is over " + max + " bytes; at most " + max + " are taken");
      }
      return b;
    }
  }

  private static void discard(InputStream in, long upTo) throws IOException {
    byte[] sink = new byte[16384];
    for (long left = upTo; left > 0; ) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  /** The body as a JSON object, or a 400 naming what was wrong; {@code shape} says what was expected. */
  static JsonNode object(byte[] body, String shape) throws ApiError {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiError(400, "the body could not be read: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new ApiError(400, "expected a JSON object " + shape);
    }
    return n;
  }

  static String bearer(Request request) {
    String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).strip();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}

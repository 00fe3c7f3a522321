package dev.shellcamp.lab.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request on its way through Jetty: writes the answer, throws away what is left of the
 * body, and tells the server's in-flight count and the {@link ConnectionGuard} when it is over.
 * Every path ends in exactly one {@link #end}.
 */
final class LabExchange {
  /** How the connection goes on after the answer. */
  enum After {
    /** Read and drop the rest of the body, then keep the connection (unless draining). */
    KEEP,
    /** Close it: a refused client, or one too slow to wait for. */
    CLOSE
  }

  record Reply(int status, String contentType, byte[] body, String allow) {}

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final Connection connection;
  private final ServerState server;

  LabExchange(Request request, Response response, Callback callback, ServerState server) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.server = server;
    this.connection = request.getConnectionMetaData().getConnection();
    server.inFlight.incrementAndGet();
    server.guard.requestStarted(connection);
  }

  Connection connection() {
    return connection;
  }

  /**
   * Sends the reply. With {@link After#KEEP} the rest of an unread body is read and dropped
   * (up to {@link RequestBody#DISCARD_LIMIT}, within the body timeout): closing a socket with
   * unread bytes makes the kernel send a reset, which can destroy the answer (a 413, say)
   * before a client that writes everything first has read it.
   */
  void send(Reply reply, After after) {
    var h = response.getHeaders();
    response.setStatus(reply.status());
    h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    if (reply.allow() != null) {
      h.put(HttpHeader.ALLOW, reply.allow());
    }
    if (after == After.CLOSE && reply.status() == 503) {
      h.put(HttpHeader.RETRY_AFTER, "1"); // a refused client may try again in a second, on fewer connections
    }
    if (after == After.CLOSE || server.draining) {
      h.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    }
    h.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    response.write(true, ByteBuffer.wrap(reply.body()), Callback.from(() -> {
      if (after == After.CLOSE) {
        end(null);
      } else {
        BodyReader.read(request, 0, RequestBody.DISCARD_LIMIT, server.limits.body().toNanos(), server.scheduler,
            o -> end(o.failure()));
      }
    }, this::end));
  }

  /** Over: the request counts no more, and the connection's next bytes are a new request. */
  void end(Throwable failure) {
    server.inFlight.decrementAndGet();
    server.guard.requestEnded(connection);
    if (failure == null) {
      callback.succeeded();
    } else {
      callback.failed(failure);
    }
  }
}

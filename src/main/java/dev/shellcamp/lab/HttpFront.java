package dev.shellcamp.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shellcamp.lab.Route.Endpoint;
import dev.shellcamp.progress.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The one HTTP handler: routes a request, turns every client mistake into a 4xx with
 * {@code {"error": "..."}}, records it in {@link Metrics}, and answers.
 */
final class HttpFront implements HttpHandler {
  private final ModelRepository models;
  private final Metrics metrics = new Metrics();
  private final String version;
  private final BooleanSupplier draining;
  private final LongSupplier inFlight;

  HttpFront(ModelRepository models, String version, BooleanSupplier draining, LongSupplier inFlight) {
    this.models = models;
    this.version = version;
    this.draining = draining;
    this.inFlight = inFlight;
  }

  private record Reply(int status, String contentType, byte[] body, String allow) {
    static Reply json(int status, Object doc) {
      return new Reply(status, "application/json", Json.line(doc).getBytes(StandardCharsets.UTF_8), null);
    }
  }

  @Override
  public void handle(HttpExchange ex) {
    long start = System.nanoTime();
    Route route = Route.parse(ex.getRequestURI().getPath());
    Reply reply;
    try {
      reply = answer(ex, route);
    } catch (ApiError e) {
      reply = Reply.json(e.status(), Map.of("error", e.getMessage()));
    } catch (IOException e) {
      ex.close(); // the client went away while sending its body
      return;
    } catch (RuntimeException e) {
      // a bug of ours: say so plainly rather than hang up, and leave the trace for whoever runs the server
      e.printStackTrace();
      reply = Reply.json(500, Map.of("error", "internal error: " + e));
    }
    if (route.endpoint() != Endpoint.METRICS) {
      String model = route.model() != null && models.has(route.model()) ? route.model() : "";
      metrics.record(model, route.endpoint().label(), reply.status(), System.nanoTime() - start);
    }
    send(ex, reply);
  }

  private Reply answer(HttpExchange ex, Route route) throws IOException {
    Endpoint e = route.endpoint();
    String path = ex.getRequestURI().getPath();
    if (e == Endpoint.NONE) {
      throw ApiError.notFound("no such endpoint: " + path + " (this server has " + Route.KNOWN + ")");
    }
    if (!ex.getRequestMethod().equals(e.method)) {
      return new Reply(405, "application/json", Json.line(Map.of("error", "method " + ex.getRequestMethod()
          + " is not allowed on " + path + "; use " + e.method)).getBytes(StandardCharsets.UTF_8), e.method);
    }
    return switch (e) {
      case LIVE -> Reply.json(200, Map.of("live", true));
      // not ready while draining, so a load balancer sends nothing more (a 503, as Kubernetes expects)
      case READY -> draining.getAsBoolean() ? Reply.json(503, Map.of("ready", false))
          : Reply.json(200, Map.of("ready", true));
      case SERVER -> Reply.json(200, V2Api.server(version));
      case MODEL -> Reply.json(200, V2Api.metadata(models, models.resolve(route.model(), route.version())));
      case MODEL_READY -> Reply.json(200, V2Api.ready(models.resolve(route.model(), route.version())));
      case INFER -> {
        Model m = models.resolve(route.model(), route.version());
        yield Reply.json(200, V2Api.infer(m, V2Request.read(RequestBody.readJson(ex))));
      }
      case PREDICT -> {
        Model m = models.resolve(route.model(), route.version());
        yield Reply.json(200, TfShim.predict(m, RequestBody.readJson(ex)));
      }
      case METRICS -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.render(inFlight.getAsLong()).getBytes(StandardCharsets.UTF_8), null);
      case NONE -> throw new IllegalStateException("unreachable");
    };
  }

  private void send(HttpExchange ex, Reply reply) {
    try {
      ex.getResponseHeaders().set("Content-Type", reply.contentType());
      if (reply.allow() != null) {
        ex.getResponseHeaders().set("Allow", reply.allow());
      }
      if (draining.getAsBoolean()) {
        ex.getResponseHeaders().set("Connection", "close");
      }
      ex.sendResponseHeaders(reply.status(), reply.body().length);
      OutputStream out = ex.getResponseBody();
      out.write(reply.body());
      out.flush();
      // a refused request (413, 415, 404...) may still have body bytes on the way; see discard()
      RequestBody.discard(ex);
      out.close();
    } catch (IOException e) {
      // the client hung up before its answer; nothing to tell it
    } finally {
      ex.close();
    }
  }
}

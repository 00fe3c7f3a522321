package dev.shellcamp.lab.server;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.ModelRepository;
import dev.shellcamp.lab.model.UnknownModelException;
import dev.shellcamp.lab.server.LabExchange.After;
import dev.shellcamp.lab.server.LabExchange.Reply;
import dev.shellcamp.lab.server.Route.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one HTTP handler: routes a request, turns every client mistake into a 4xx with
 * {@code {"error": "..."}}, records it in {@link Metrics}, and answers. A body is read without
 * holding a thread ({@link BodyReader}); everything else is answered at once. It stays a
 * blocking handler to Jetty (run on a worker, never on the selector thread) because parsing a
 * 1 MiB body takes milliseconds; declaring it non-blocking measured no faster here.
 */
final class HttpFront extends Handler.Abstract {
  private final ModelRepository models;
  private final Metrics metrics = new Metrics();
  private final String version;
  private final LabLimits limits;
  private final ServerState state;

  HttpFront(ModelRepository models, String version, ServerState state) {
    this.models = models;
    this.version = version;
    this.limits = state.limits;
    this.state = state;
  }

  static Reply json(int status, Object doc) {
    return new Reply(status, "application/json", Json.line(doc).getBytes(StandardCharsets.UTF_8), null);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    LabExchange x = new LabExchange(request, response, callback, state);
    Route route = Route.parse(request.getHttpURI().getDecodedPath());
    if (state.guard.refused(x.connection())) {
      finish(x, route, start, json(503, Map.of("error", state.guard.refusal(x.connection()))), After.CLOSE);
      return true;
    }
    Reply early = guarded(() -> beforeBody(request, route));
    if (early != null) {
      finish(x, route, start, early, After.KEEP);
      return true;
    }
    long deadline = limits.body().toNanos() - (System.nanoTime() - start);
    BodyReader.read(request, RequestBody.LIMIT + 1, RequestBody.LIMIT + 1, deadline, state.scheduler, o -> {
      switch (o.end()) {
        case READ -> finish(x, route, start, guarded(() -> withBody(route, o.kept())), After.KEEP);
        case DEADLINE, IDLE -> finish(x, route, start, json(408, Map.of("error", tooSlow(request, o))), After.CLOSE);
        case FAILED -> x.end(o.failure()); // the client went away while sending its body: nobody to answer
      }
    });
    return true;
  }

  /** The 408's sentence: how much of the body came, and which limit it ran into. */
  private String tooSlow(Request request, BodyReader.Outcome o) {
    String length = request.getHeaders().get("Content-Length");
    String got = o.total() + (length == null ? "" : " of " + length.trim()) + " bytes";
    return o.end() == BodyReader.End.DEADLINE
        ? "the request body took too long: " + got + " in " + LabLimits.seconds(limits.body())
        : "the request body stopped: " + got + ", then nothing for " + LabLimits.seconds(limits.idle());
  }

  /** The answer, with a client's mistake as its 4xx and a bug of ours as a plain 500. */
  private static Reply guarded(Supplier<Reply> a) {
    try {
      return a.get();
    } catch (ApiError e) {
      return error(e);
    } catch (UnknownModelException e) {
      return error(ApiError.notFound(e));
    } catch (RuntimeException e) {
      // a bug of ours: say so plainly rather than hang up, and leave the trace for whoever runs the server
      e.printStackTrace();
      return json(500, Map.of("error", "internal error: " + e));
    }
  }

  private static Reply error(ApiError e) {
    return json(e.status(), Map.of("error", e.getMessage()));
  }

  private void finish(LabExchange x, Route route, long start, Reply reply, After after) {
    if (route.endpoint() != Endpoint.METRICS) {
      String model = route.model() != null && models.has(route.model()) ? route.model() : "";
      metrics.record(model, route.endpoint().label(), reply.status(), System.nanoTime() - start);
    }
    x.send(reply, after);
  }

  /** Every answer that needs no body, and the checks of a body's headers; null: read the body. */
  private Reply beforeBody(Request request, Route route) {
    Endpoint e = route.endpoint();
    String path = request.getHttpURI().getDecodedPath();
    if (e == Endpoint.NONE) {
      throw ApiError.notFound("no such endpoint: " + path + " (this server has " + Route.KNOWN + ")");
    }
    if (!request.getMethod().equals(e.method)) {
      return new Reply(405, "application/json", Json.line(Map.of("error", "method " + request.getMethod()
          + " is not allowed on " + path + "; use " + e.method)).getBytes(StandardCharsets.UTF_8), e.method);
    }
    return switch (e) {
      case LIVE -> json(200, Map.of("live", true));
      // not ready while draining, so a load balancer sends nothing more (a 503, as Kubernetes expects)
      case READY -> state.draining ? json(503, Map.of("ready", false)) : json(200, Map.of("ready", true));
      case SERVER -> json(200, V2Api.server(version));
      case MODEL -> json(200, V2Api.metadata(models, models.resolve(route.model(), route.version())));
      case MODEL_READY -> json(200, V2Api.ready(models.resolve(route.model(), route.version())));
      case INFER, PREDICT -> {
        models.resolve(route.model(), route.version());
        RequestBody.check(request.getHeaders());
        yield null;
      }
      case METRICS -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.render(state.inFlight.get()).getBytes(StandardCharsets.UTF_8), null);
      case NONE -> throw new IllegalStateException("unreachable");
    };
  }

  private Reply withBody(Route route, byte[] body) {
    Model m = models.resolve(route.model(), route.version());
    Object json = RequestBody.parse(body);
    return route.endpoint() == Endpoint.INFER ? json(200, V2Api.infer(m, V2Request.read(json)))
        : json(200, TfShim.predict(m, json));
  }
}

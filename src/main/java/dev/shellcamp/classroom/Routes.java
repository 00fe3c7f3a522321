package dev.shellcamp.classroom;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The class server's routes (docs/class.md). Every refusal is a JSON {"error"} with its status; nothing escapes as a 500 page. */
final class Routes extends Handler.Abstract {
  private final LearnerApi learners;
  private final InstructorApi instructor;
  private final LiveStream live;
  private final BoardAssets board;
  /** Null in a class without sandboxes. */
  private final SandboxApi sandboxes;

  Routes(LearnerApi learners, InstructorApi instructor, LiveStream live, BoardAssets board, SandboxApi sandboxes) {
    this.sandboxes = sandboxes;
    this.learners = learners;
    this.instructor = instructor;
    this.live = live;
    this.board = board;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    try {
      if (!path.startsWith("/api/")) {
        if (!board.serve(path, method, response, callback)) {
          throw new ApiError(404, "no page " + path);
        }
        return true;
      }
      route(path, method, request, response, callback);
    } catch (ApiError e) {
      Http.error(response, callback, e);
    } catch (Exception e) {
      // the store failed or a bug: the client learns only that; the operator sees the cause
      System.err.println("class server: " + method + " " + path + ": " + e);
      Http.error(response, callback, new ApiError(500, "the class server could not do this; try again"));
    }
    return true;
  }

  private void route(String path, String method, Request request, Response response, Callback callback) throws Exception {
    switch (path) {
      case "/api/join" -> Http.json(response, callback, 200, learners.join(post(method, request)));
      case "/api/events" -> Http.json(response, callback, 200, learners.events(post(method, request)));
      case "/api/notes" -> Http.json(response, callback, 200, learners.notes(get(method, request)));
      case "/api/sandboxes" -> {
        if (sandboxes == null) {
          throw new ApiError(404, "this class has no sandboxes: its learners run shellcamp on their own machines");
        }
        Http.json(response, callback, 200, sandboxes.open(post(method, request)));
      }
      default -> instructorRoute(path, method, request, response, callback);
    }
  }

  private void instructorRoute(String path, String method, Request request, Response response, Callback callback)
      throws Exception {
    instructor.authorize(request);
    switch (path) {
      case "/api/learners" -> Http.json(response, callback, 200, instructor.learners());
      case "/api/stats" -> Http.json(response, callback, 200, instructor.stats());
      case "/api/class" -> Http.json(response, callback, 200, instructor.about(home(request)));
      case "/api/export.csv" -> Http.send(response, callback, 200, "text/csv; charset=utf-8",
          instructor.csv().getBytes(StandardCharsets.UTF_8));
      case "/api/export.xapi" -> Http.json(response, callback, 200, instructor.xapi(home(request)));
      case "/api/broadcast" -> Http.json(response, callback, 200, instructor.note(post(method, request), null));
      case "/api/settings" -> Http.json(response, callback, 200,
          "POST".equals(method) ? instructor.settings(request) : instructor.settings());
      case "/api/stream" -> live.open(response, callback);
      default -> learnerRoute(path, method, request, response, callback);
    }
  }

  /** /api/learners/{id}/timeline and /api/learners/{id}/hint */
  private void learnerRoute(String path, String method, Request request, Response response, Callback callback)
      throws Exception {
    String[] parts = path.split("/");
    if (parts.length == 5 && parts[2].equals("learners") && parts[4].equals("timeline")) {
      Http.json(response, callback, 200, instructor.timeline(parts[3]));
    } else if (parts.length == 5 && parts[2].equals("learners") && parts[4].equals("hint")) {
      Http.json(response, callback, 200, instructor.note(post(method, request), parts[3]));
    } else {
      throw new ApiError(404, "no API route " + path);
    }
  }

  private static Request post(String method, Request request) throws ApiError {
    if (!"POST".equals(method)) {
      throw new ApiError(405, "use POST");
    }
    return request;
  }

  private static Request get(String method, Request request) throws ApiError {
    if (!"GET".equals(method)) {
      throw new ApiError(405, "use GET");
    }
    return request;
  }

  private static String home(Request request) {
    return request.getHttpURI().getScheme() + "://" + Request.getServerName(request) + ":" + Request.getServerPort(request);
  }
}

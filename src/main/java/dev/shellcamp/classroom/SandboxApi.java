package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.sandbox.Notices;
import dev.shellcamp.sandbox.Sandbox;
import dev.shellcamp.sandbox.SandboxException;
import dev.shellcamp.sandbox.Sandboxes;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /api/sandboxes}: a learner with the code and a name gets their own sandbox and the
 * WebSocket address of its terminal. The learner is enrolled as any tutor would be, and the
 * sandboxed tutor is given that learner's credentials, so it joins the class by itself. The
 * browser keeps the credential ({@code key}) and presents it again to come back to the same
 * sandbox; without it a taken name stays taken.
 */
final class SandboxApi {
  private final Sandboxes sandboxes;
  private final LearnerApi learners;

  SandboxApi(Sandboxes sandboxes, LearnerApi learners) {
    this.sandboxes = sandboxes;
    this.learners = learners;
  }

  Map<String, Object> open(Request request) throws ApiError, IOException, SQLException {
    JsonNode body = Http.object(Http.body(request, 4096), "{\"code\": …, \"name\": …}");
    String key = body.path("key").isTextual() ? body.get("key").asText() : "";
    Learner l;
    if (!key.isEmpty()) {
      learners.checkCode(body);
      l = learners.learner(key);
    } else {
      LearnerApi.Joined j = learners.enrol(request, body);
      l = j.learner();
      key = j.credential();
    }
    sandbox(l, key, Request.getLocalPort(request));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", l.id());
    out.put("name", l.name());
    out.put("terminal", (request.isSecure() ? "wss://" : "ws://") + Request.getServerName(request) + ":"
        + Request.getServerPort(request) + "/api/sandboxes/" + l.id() + "/terminal?key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8));
    out.put("key", key);
    return out;
  }

  /** The sandbox behind a terminal address: {@code id} must be the learner whose credential {@code key} is. */
  Sandbox terminal(String id, String key, int port) throws ApiError {
    Learner l = learners.learner(key);
    if (!l.id().equals(id)) {
      throw new ApiError(401, "this key is not for that sandbox");
    }
    return sandbox(l, key, port);
  }

  private Sandbox sandbox(Learner l, String key, int port) throws ApiError {
    Sandbox running = sandboxes.get(l.id());
    if (running != null && running.running()) {
      return running;
    }
    Messages m = Messages.of(l.lang());
    Map<String, String> env = new LinkedHashMap<>();
    int dot = key.indexOf('.');
    env.put("SHELLCAMP_CLASS_LINK", Http.JSON.createObjectNode()
        .put("url", sandboxes.backend().tutorUrl(port))
        .put("learner", l.id())
        .put("secret", key.substring(dot + 1))
        .put("name", l.name())
        .toString());
    env.put("SHELLCAMP_LANG", l.lang());
    try {
      return sandboxes.open(l.id(), env, new Notices(
          "\r\n\u001b[33m" + m.get("class.sandbox.ended") + "\u001b[0m\r\n",
          "\r\n\u001b[33m" + m.get("class.sandbox.culled", sandboxes.limits().idle().toMinutes()) + "\u001b[0m\r\n"));
    } catch (SandboxException e) {
      System.err.println("class server: " + e.getMessage());
      throw new ApiError(503, e.getMessage());
    }
  }
}

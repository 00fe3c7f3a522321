package dev.shellcamp.classlink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/join}, and every way it can fail turned into one message for the learner
 * that says what was expected and what was found. A 400, 403 or 409 counts as the class
 * server's answer only with its JSON {@code error}: a web server that is not ours answers
 * those too.
 */
final class Joining {
  private Joining() {}

  /** {@code http://host:8700/} as {@code http://host:8700}; anything that is not an http(s) address fails. */
  static String normalize(String url, Messages m) throws JoinFailure {
    String u = url.strip();
    try {
      URI uri = new URI(u);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new JoinFailure(m.get("class.join.bad-url", url));
      }
      return u.replaceAll("/+$", "");
    } catch (java.net.URISyntaxException e) {
      throw new JoinFailure(m.get("class.join.bad-url", url));
    }
  }

  static ClassLink join(ClassApi api, String url, String code, String name, String lang, Messages m)
      throws JoinFailure {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("lang", lang);
    ClassApi.Answer a = api.join(url, Wire.object(body));
    // a whole room joining at once from one address meets the server's join limit: wait as told
    for (int tries = 0; a.status() == 429 && tries < 5; tries++) {
      sleep(a.retryAfter().map(Joining::seconds).orElse(1L));
      a = api.join(url, Wire.object(body));
    }
    String error = Wire.error(a.body());
    switch (a.status()) {
      case 0 -> throw new JoinFailure(a.timedOut() ? m.get("class.join.slow", url, ClassApi.REQUEST.toSeconds())
          : m.get("class.join.unreachable", url, a.failure()), true);
      case 200 -> {
        return link(url, a, m);
      }
      case 403 -> fail(error, m.get("class.join.wrong-code", url, code), a, url, m);
      case 409 -> fail(error, m.get("class.join.name-taken", name, error), a, url, m);
      case 400 -> fail(error, m.get("class.join.bad-name", name, error), a, url, m);
      default -> fail(error, m.get("class.join.refused", url, a.status(), error), a, url, m);
    }
    throw new AssertionError("unreachable");
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(1, Math.min(10, Long.parseLong(retryAfter.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void sleep(long seconds) throws JoinFailure {
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JoinFailure("interrupted", true);
    }
  }

  private static void fail(String error, String ours, ClassApi.Answer a, String url, Messages m) throws JoinFailure {
    if (error == null) {
      throw new JoinFailure(notOurs(a, url, m), true);
    }
    throw new JoinFailure(ours, a.status() >= 500);
  }

  private static ClassLink link(String url, ClassApi.Answer a, Messages m) throws JoinFailure {
    try {
      JsonNode n = Wire.JSON.readTree(a.body());
      if (n != null && n.path("learner").isTextual() && n.path("secret").isTextual()
          && !n.get("learner").asText().isEmpty() && !n.get("secret").asText().isEmpty()) {
        return new ClassLink(url, n.get("learner").asText(), n.get("secret").asText(),
            n.path("name").asText(""), 0);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: said below, with what it was
    }
    throw new JoinFailure(notOurs(a, url, m), true);
  }

  /** What the answer was, briefly: status, content type and the start of the body, on one line. */
  private static String notOurs(ClassApi.Answer a, String url, Messages m) {
    String start = Wire.clean(a.body().strip().replaceAll("\\s+", " "), 80);
    String type = a.contentType().isEmpty() ? "" : " " + a.contentType().split(";")[0];
    String found = "HTTP " + a.status() + type + (start.isEmpty() ? "" : " \"" + start + "\"");
    return m.get("class.join.not-class", url, found);
  }
}

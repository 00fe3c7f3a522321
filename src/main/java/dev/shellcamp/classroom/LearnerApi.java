package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** What a tutor may do: join with the code, post its events, fetch the notes meant for it. */
final class LearnerApi {
  static final int MAX_EVENTS_BODY = 256 * 1024;
  static final int MAX_NAME = 40;

  private final ClassView view;
  private final Store store;
  private final String code;
  private final RateLimit events;
  private final RateLimit joins;
  private final Runnable changed;

  LearnerApi(ClassView view, Store store, String code, RateLimit events, RateLimit joins, Runnable changed) {
    this.view = view;
    this.store = store;
    this.code = Secrets.normalCode(code);
    this.events = events;
    this.joins = joins;
    this.changed = changed;
  }

  Map<String, Object> join(Request request) throws ApiError, IOException, SQLException {
    Joined j = enrol(request, Http.object(Http.body(request, 4096), "{\"code\": …, \"name\": …}"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("learner", j.learner().id());
    out.put("secret", j.secret());
    out.put("name", j.learner().name());
    return out;
  }

  /** A learner who just joined, and the secret only they were given. */
  record Joined(Learner learner, String secret) {
    String credential() {
      return learner.id() + "." + secret;
    }
  }

  /** Checks the code and the name in {@code body} and adds the learner; a name taken is a 409. */
  Joined enrol(Request request, JsonNode body) throws ApiError, SQLException {
    joins.take(Request.getRemoteAddr(request), 1, "joins from this address");
    checkCode(body);
    String name = name(body);
    String lang = body.path("lang").asText("en").equals("ko") ? "ko" : "en";
    String secret = Secrets.token(24);
    Learner l = new Learner(Secrets.learnerId(), name, Secrets.sha256(secret), lang, view.now());
    if (!store.addLearner(l)) {
      throw new ApiError(409, "the name " + name + " is taken in this class");
    }
    view.add(l);
    changed.run();
    return new Joined(l, secret);
  }

  /** The class's code in {@code body}, compared in constant time; anything else is a 403. */
  void checkCode(JsonNode body) throws ApiError {
    if (!body.path("code").isTextual() || !Secrets.same(code, Secrets.normalCode(body.get("code").asText()))) {
      throw new ApiError(403, "wrong class code");
    }
  }

  static String name(JsonNode body) throws ApiError {
    String name = body.path("name").isTextual() ? body.get("name").asText().strip() : "";
    if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new ApiError(400, "a name is 1 to " + MAX_NAME + " characters without control characters");
    }
    if (name.indexOf('\uFFFD') >= 0) {
      // what a tutor sends when its locale could not decode the name typed on its command line
      throw new ApiError(400, "the name holds characters that could not be read (U+FFFD): "
          + "the tutor's locale is not UTF-8; join with :class in the tutor, or set LANG=C.UTF-8");
    }
    return name;
  }

  Map<String, Object> events(Request request) throws ApiError, IOException, SQLException {
    Learner l = authenticate(request);
    List<Event> batch = EventBatch.parse(Http.body(request, MAX_EVENTS_BODY), l.id(), view.now());
    events.take(l.id(), batch.size(), "events from this learner");
    List<Event> stored = store.insert(batch, view.now());
    view.apply(stored);
    changed.run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", stored.size());
    out.put("duplicates", batch.size() - stored.size());
    return out;
  }

  List<Map<String, Object>> notes(Request request) throws ApiError {
    Learner l = authenticate(request);
    long after;
    try {
      String a = Request.extractQueryParameters(request).getValue("after");
      after = a == null ? 0 : Long.parseLong(a);
    } catch (NumberFormatException e) {
      throw new ApiError(400, "\"after\" must be a note id");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Note n : view.notesFor(l.id(), after, 50)) {
      out.add(Map.of("id", n.id(), "text", n.text(), "kind", n.broadcast() ? "broadcast" : "hint", "at", n.at()));
    }
    return out;
  }

  /** The learner whose credentials these are; the secret is compared by its hash, in constant time. */
  private Learner authenticate(Request request) throws ApiError {
    return learner(Http.bearer(request));
  }

  /** The learner whose credential ({@code ID.SECRET}) this is, or a 401. */
  Learner learner(String cred) throws ApiError {
    int dot = cred == null ? -1 : cred.indexOf('.');
    Learner l = dot < 0 ? null : view.learner(cred.substring(0, dot));
    if (l == null || !Secrets.same(l.secretHash(), Secrets.sha256(cred.substring(dot + 1)))) {
      throw new ApiError(401, "join the class first: these credentials are not a learner's of this class");
    }
    return l;
  }
}

package dev.shellcamp.check;

import dev.shellcamp.json.JsonPath;
import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One HTTP request to what the learner runs, and its answer judged by status, headers, body text,
 * values at JSON paths and time taken. The request is the check's, not the learner's: it shows
 * the server works, where an {@code output} check on a pasted curl line cannot.
 */
final class HttpCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** no proxy: lessons ask servers on this machine, and an HTTP_PROXY meant for the internet would break them */
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY).build();

  private HttpCheck() {}

  /** The answer and how long it took, body read to the end. */
  private record Answer(HttpResponse<byte[]> response, long ms) {
    String body() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }
  }

  static Result check(CheckSpec spec, Context ctx) {
    Messages m = ctx.messages();
    String method = method(spec);
    String url = spec.string("url");
    String target = method + " " + url;
    Answer a;
    try {
      HttpRequest request = request(spec, method);
      a = send(request);
      if (spec.has("within_ms") && a.ms > Long.parseLong(spec.string("within_ms"))) {
        // the faster of two tries: the first request of the tutor's JVM also pays for loading the
        // HTTP client and opening the connection, which says nothing about the learner's server
        Answer again = send(request);
        a = again.ms < a.ms ? again : a;
      }
    } catch (HttpTimeoutException e) {
      return Result.fail(m.get("check.http.timeout", target, TIMEOUT.toSeconds()));
    } catch (ConnectException e) {
      return Result.fail(m.get("check.http.down", url));
    } catch (IOException | IllegalArgumentException e) {
      return Result.fail(m.get("check.http.error", target, String.valueOf(e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.fail(m.get("check.http.error", target, "interrupted"));
    }
    int status = a.response.statusCode();
    if (spec.has("status") ? status != Integer.parseInt(spec.string("status")) : status / 100 != 2) {
      return Result.fail(m.get("check.http.status", target, spec.has("status") ? spec.string("status") : "2xx", status,
          OutputCheck.excerpt(a.body(), m)));
    }
    for (Map.Entry<String, String> h : spec.map("header").entrySet()) {
      Result r = header(a, h.getKey(), h.getValue(), target, m);
      if (!r.passed()) {
        return r;
      }
    }
    String body = a.body();
    String what = m.get("what.http-body", target);
    if (spec.has("contains") && !body.contains(spec.string("contains"))) {
      return Result.fail(m.get("check.contains", what, spec.string("contains"), OutputCheck.excerpt(body, m)));
    }
    if (spec.has("regex") && !Pattern.compile(spec.string("regex"), Pattern.MULTILINE).matcher(body).find()) {
      return Result.fail(m.get("check.regex", what, spec.string("regex"), OutputCheck.excerpt(body, m)));
    }
    if (!spec.map("json").isEmpty()) {
      Result r = json(spec.map("json"), body, target, m);
      if (!r.passed()) {
        return r;
      }
    }
    if (spec.has("within_ms") && a.ms > Long.parseLong(spec.string("within_ms"))) {
      return Result.fail(m.get("check.http.slow", target, spec.string("within_ms"), a.ms));
    }
    return Result.PASS;
  }

  private static String method(CheckSpec spec) {
    return spec.has("method") ? spec.string("method") : spec.has("body") ? "POST" : "GET";
  }

  private static HttpRequest request(CheckSpec spec, String method) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(spec.string("url"))).timeout(TIMEOUT);
    if (spec.has("body")) {
      b.header("Content-Type", spec.has("content_type") ? spec.string("content_type") : "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(spec.string("body")));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private static Answer send(HttpRequest request) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r, (System.nanoTime() - start) / 1_000_000);
  }

  private static Result header(Answer a, String name, String regex, String target, Messages m) {
    List<String> values = a.response.headers().allValues(name);
    if (values.isEmpty()) {
      String present = String.join(", ", a.response.headers().map().keySet().stream()
          .filter(k -> !k.startsWith(":")).sorted().toList());
      return Result.fail(m.get("check.http.no-header", target, name, present.isEmpty() ? m.get("diff.nothing") : present));
    }
    Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    return values.stream().anyMatch(v -> p.matcher(v).find()) ? Result.PASS
        : Result.fail(m.get("check.http.header", target, name, regex, String.join(", ", values)));
  }

  private static Result json(Map<String, String> want, String body, String target, Messages m) {
    Object root;
    try {
      root = JsonParser.parse(body);
    } catch (JsonException e) {
      return Result.fail(m.get("check.http.not-json", target, e.getMessage(), OutputCheck.excerpt(body, m)));
    }
    for (Map.Entry<String, String> e : want.entrySet()) {
      JsonPath.Lookup found = JsonPath.parse(e.getKey()).find(root);
      if (!found.found()) {
        return Result.fail(m.get("check.http.json-missing", target, e.getKey(), found.at(), JsonValues.show(found.value())));
      }
      if (!JsonValues.matches(e.getValue(), found.value())) {
        return Result.fail(m.get("check.http.json", target, e.getKey(), e.getValue(), JsonValues.show(found.value())));
      }
    }
    return Result.PASS;
  }
}

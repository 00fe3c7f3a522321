package dev.shellcamp.classlink;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The three learner routes of docs/class.md over java.net.http; the only class here that does HTTP. */
final class ClassApi {
  static final Duration CONNECT = Duration.ofSeconds(3);
  static final Duration REQUEST = Duration.ofSeconds(10);

  /**
   * What came back: a status and body, or, with status 0, why nothing did ({@code failure}).
   * {@code timedOut} tells a server that is there but slow from one that is not there.
   */
  record Answer(int status, String body, String contentType, Optional<String> retryAfter, String failure,
      boolean timedOut) {
    static Answer none(String failure, boolean timedOut) {
      return new Answer(0, "", "", Optional.empty(), failure, timedOut);
    }
  }

  /** Made on first use: a tutor that is not in a class never pays for a client and its selector thread. */
  private HttpClient http;

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  Answer join(String url, String json) {
    return send(post(url, "/api/join", json).build());
  }

  Answer events(ClassLink link, String json) {
    return send(post(link.url(), "/api/events", json).header("Authorization", link.bearer()).build());
  }

  Answer notes(ClassLink link, long after) {
    return send(HttpRequest.newBuilder(URI.create(link.url() + "/api/notes?after=" + after)).timeout(REQUEST)
        .header("Authorization", link.bearer()).header("Accept", "application/json").GET().build());
  }

  private static HttpRequest.Builder post(String url, String path, String json) {
    return HttpRequest.newBuilder(URI.create(url + path)).timeout(REQUEST)
        .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body() == null ? "" : r.body(),
          r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After"), null, false);
    } catch (HttpConnectTimeoutException e) {
      return Answer.none("no connection within " + CONNECT.toSeconds() + " s", false);
    } catch (HttpTimeoutException e) {
      return Answer.none("no answer within " + REQUEST.toSeconds() + " s", true);
    } catch (ConnectException e) {
      boolean unknownHost = e.getCause() instanceof java.nio.channels.UnresolvedAddressException;
      return Answer.none(unknownHost ? "unknown host " + request.uri().getHost() : "connection refused", false);
    } catch (IOException e) {
      return Answer.none(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.none("interrupted", false);
    }
  }
}

package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.json.JsonParser;
import dev.shellcamp.lab.load.LoadRenderer;
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
import java.util.Locale;

/**
 * The probe's HTTP/1.1 client. Every way a request can end is a value, never an exception: a
 * server that crashes, hangs or hangs up is exactly what the probe is there to report.
 */
final class ProbeHttp {
  /**
   * @param status -1 where no HTTP answer came; then {@code failure} says what happened instead
   */
  record Answer(int status, String body, long millis, LabText failure) {
    boolean is(int code) {
      return status == code;
    }

    /** "500 after 3 ms", or "no answer within 5 s". */
    LabText describe() {
      return failure != null ? LabText.of("lab.http.after", failure, millis) : LabText.of("lab.http.after", status, millis);
    }

    /** The body as JSON, or a JsonException that names the byte where it went wrong. */
    Object json() {
      return JsonParser.parse(body);
    }

    /** The first 120 characters of the body, on one line, for a message. */
    String excerpt() {
      String one = body.replaceAll("\\s+", " ").trim();
      return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }
  }

  private final HttpClient client;
  private final String base;
  private final Duration timeout;
  private int answered;

  ProbeHttp(URI base, Duration timeout) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** {@code contentType} null sends none. */
  Answer post(String path, byte[] body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  Answer post(String path, String json) {
    return post(path, json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /** How many requests got an HTTP answer of any status; 0 means something else listens at the port. */
  int answered() {
    return answered;
  }

  private Answer send(HttpRequest.Builder b) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(b.timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      answered++;
      return new Answer(r.statusCode(), r.body(), ms(start), null);
    } catch (IOException e) {
      return new Answer(-1, "", ms(start), why(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "", ms(start), LabText.of("lab.http.interrupted"));
    }
  }

  private LabText why(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return LabText.of("lab.http.connect-timeout", timeout.toSeconds());
    }
    if (e instanceof HttpTimeoutException) {
      return LabText.of("lab.http.no-answer-within", LoadRenderer.seconds(timeout));
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return LabText.of("lab.http.refused");
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("reset")) {
      return LabText.of("lab.http.reset");
    }
    // the JDK's words for a socket closed before any byte of an answer: the usual sign of a crash
    if (m.contains("received no bytes") || m.contains("eof") || m.contains("closed")) {
      return LabText.of("lab.http.closed");
    }
    return LabText.of("lab.http.other", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}

package dev.shellcamp.docker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is an engine there, may we talk to it, and is it new enough? One raw HTTP request over the
 * socket, so that the menu and {@code doctor} never load docker-java just to ask.
 */
public final class EngineProbe {
  /** API 1.40 is Docker 19.03, the oldest engine the lessons were tried against. */
  static final String MIN_API = "1.40";

  private static final Pattern API = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"([0-9.]+)\"");
  private static final Pattern VERSION = Pattern.compile("\"Version\"\\s*:\\s*\"([^\"]+)\"");

  /** {@code fixKey} names the message bundle's fix for what is wrong; null when ok. */
  public record Status(boolean ok, String detail, String fixKey) {}

  private EngineProbe() {}

  /** The engine's socket: DOCKER_HOST when it names a unix socket, else the usual path. */
  static Path socket() {
    String host = System.getenv("DOCKER_HOST");
    return Path.of(host != null && host.startsWith("unix://") ? host.substring(7) : "/var/run/docker.sock");
  }

  public static Status probe() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank() && !host.startsWith("unix://")) {
      return new Status(false, "DOCKER_HOST=" + host + " is not a unix socket", "fix.docker");
    }
    Path sock = socket();
    if (!Files.exists(sock)) {
      return new Status(false, "no engine socket at " + sock, "fix.docker");
    }
    String reply;
    try {
      reply = get(sock, "/version");
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("ermission")
          ? new Status(false, "no permission to use " + sock, "fix.docker-permission")
          : new Status(false, "no engine answers at " + sock + " (" + m + ")", "fix.docker");
    }
    if (!reply.startsWith("HTTP/1.0 200") && !reply.startsWith("HTTP/1.1 200")) {
      int nl = reply.indexOf('\r');
      return new Status(false, "the engine at " + sock + " answered " + (nl < 0 ? reply : reply.substring(0, nl)),
          "fix.docker");
    }
    Matcher api = API.matcher(reply);
    Matcher version = VERSION.matcher(reply);
    String v = version.find() ? version.group(1) : "?";
    if (api.find() && older(api.group(1), MIN_API)) {
      return new Status(false, "Docker " + v + " speaks API " + api.group(1) + "; shellcamp needs " + MIN_API
          + " or newer", "fix.docker-old");
    }
    return new Status(true, "Docker " + v + " at " + sock, null);
  }

  static boolean older(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return p < q;
      }
    }
    return false;
  }

  private static String get(Path sock, String path) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(sock));
      ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // HTTP/1.0: the engine closes when it is done
      }
      return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }
  }
}

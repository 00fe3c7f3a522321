package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the engine can be unusable gives one sentence and a fix, never a stack trace. */
class DoctorDockerTest {
  @TempDir Path home;

  @Test
  void noEngineSocket() throws Exception {
    Cli.Run r = Cli.run(Map.of("DOCKER_HOST", "unix://" + home.resolve("none.sock")), home, "", "doctor");
    assertTrue(r.out().contains("no engine socket at " + home.resolve("none.sock")), r.out());
    assertTrue(r.out().contains("install and start Docker"), r.out());
    assertTrue(!r.err().contains("Exception"), r.err());
  }

  @Test
  void tcpDockerHostIsNamed() throws Exception {
    Cli.Run r = Cli.run(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home, "", "doctor");
    assertTrue(r.out().contains("DOCKER_HOST=tcp://10.0.0.1:2375 is not a unix socket"), r.out());
  }

  @Test
  void engineTooOld() throws Exception {
    Path sock = home.resolve("old.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread engine = new Thread(() -> answer(server,
          "{\"Version\":\"1.13.1\",\"ApiVersion\":\"1.26\",\"MinAPIVersion\":\"1.12\"}"));
      engine.setDaemon(true);
      engine.start();
      Cli.Run r = Cli.run(Map.of("DOCKER_HOST", "unix://" + sock), home, "", "doctor");
      assertTrue(r.out().contains("Docker 1.13.1 speaks API 1.26; shellcamp needs 1.40 or newer"), r.out());
      assertTrue(r.out().contains("upgrade Docker"), r.out());
    }
  }

  @Test
  void somethingElseOnTheSocket() throws Exception {
    Path sock = home.resolve("other.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread engine = new Thread(() -> answerRaw(server, "HTTP/1.0 404 Not Found\r\n\r\nnope"));
      engine.setDaemon(true);
      engine.start();
      Cli.Run r = Cli.run(Map.of("DOCKER_HOST", "unix://" + sock), home, "", "doctor");
      assertTrue(r.out().contains("answered HTTP/1.0 404 Not Found"), r.out());
    }
  }

  private static void answer(ServerSocketChannel server, String json) {
    answerRaw(server, "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + json);
  }

  private static void answerRaw(ServerSocketChannel server, String reply) {
    try (SocketChannel ch = server.accept()) {
      ch.read(ByteBuffer.allocate(4096));
      ch.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      // the test is over
    }
  }
}

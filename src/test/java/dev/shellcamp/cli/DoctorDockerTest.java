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
  void dockerLessonsAreUnavailableWithTheReasonAndTheRestWorks() throws Exception {
    Map<String, String> noEngine = Map.of("DOCKER_HOST", "unix://" + home.resolve("none.sock"));
    Cli.Run list = Cli.run(noEngine, home, "", "list", "--json");
    assertTrue(list.out().matches("(?s).*\"id\": \"docker/basics\"[^}]*\"unavailable\": \"[^\"]*no engine socket.*"),
        list.out());
    assertTrue(list.out().matches("(?s).*\"id\": \"linux/streams\"[^}]*\"unavailable\": null.*"), list.out());
    Cli.Run start = Cli.run(noEngine, home, ":quit\n", "start", "docker/basics");
    assertTrue(start.out().contains("cannot start here: it needs docker, and no engine socket"), start.out());
    assertTrue(start.out().contains("fix: install and start Docker"), start.out());
    Cli.Run linux = Cli.run(noEngine, home, "pwd\n:quit\n", "start", "linux/streams");
    assertTrue(linux.out().contains(home.resolve("shellcamp/work/linux/streams").toString()), linux.out());
  }

  @Test
  void tcpDockerHostIsNamed() throws Exception {
    Cli.Run r = Cli.run(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home, "", "doctor");
    assertTrue(r.out().contains("DOCKER_HOST=tcp://10.0.0.1:2375 is not a unix socket"), r.out());
  }

  @Test
  void engineTooOld() throws Exception {
    String out = doctorAgainst("old.sock", "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
        + "{\"Version\":\"1.13.1\",\"ApiVersion\":\"1.26\",\"MinAPIVersion\":\"1.12\"}");
    assertTrue(out.contains("Docker 1.13.1 speaks API 1.26; shellcamp needs 1.40 or newer"), out);
    assertTrue(out.contains("upgrade Docker"), out);
  }

  @Test
  void somethingElseOnTheSocket() throws Exception {
    String out = doctorAgainst("other.sock", "HTTP/1.0 404 Not Found\r\n\r\nnope");
    assertTrue(out.contains("answered HTTP/1.0 404 Not Found"), out);
  }

  /** doctor's output with DOCKER_HOST at a socket whose one answer is {@code reply}. */
  private String doctorAgainst(String name, String reply) throws Exception {
    Path sock = home.resolve(name);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread engine = new Thread(() -> answerRaw(server, reply));
      engine.setDaemon(true);
      engine.start();
      return Cli.run(Map.of("DOCKER_HOST", "unix://" + sock), home, "", "doctor").out();
    }
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

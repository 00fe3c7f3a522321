package dev.shellcamp.classlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shellcamp.Await;
import dev.shellcamp.ui.Messages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining, and each way it fails, as the learner reads it. */
class JoinTest {
  private static final Messages EN = Messages.of("en");
  @TempDir Path data;
  @AutoClose private final StandInClassServer server = new StandInClassServer();

  JoinTest() throws Exception {}

  private JoinFailure failure(String url, String code, String name, Messages m) {
    try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
      return assertThrows(JoinFailure.class, () -> c.join(url, code, name, m.lang(), m));
    }
  }

  @Test
  void joiningSavesTheLinkAndJoiningTheSameClassAgainKeepsIt() throws Exception {
    try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
      ClassLink l = c.join(server.url() + "/", StandInClassServer.CODE, "Mina", "ko", EN);
      assertEquals(server.url(), l.url());
      assertEquals("Mina", l.name());
      String saved = Files.readString(data.resolve("class/link.json"));
      assertTrue(saved.contains("\"learner\":\"" + l.learner() + "\"") && saved.contains(l.secret()), saved);
      assertEquals("{\"url\":\"" + server.url() + "\",\"learner\":\"" + l.learner() + "\",\"secret\":\"" + l.secret()
          + "\",\"name\":\"Mina\",\"last_note\":0}\n", saved, "link.json keeps its fields and their order");
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(data.resolve("class/link.json"))));
    }
    try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
      ClassLink before = c.link().orElseThrow();
      ClassLink again = c.join(server.url(), null, null, "en", EN);
      assertEquals(before, again, "already joined there: no code needed, the same learner");
    }
    Await.until("joined", java.time.Duration.ofSeconds(5), () -> server.events().size() == 1);
    assertEquals(java.util.List.of("joined"), server.types());
  }

  @Test
  void aWrongCodeSaysWhichCodeWasRefused() {
    JoinFailure f = failure(server.url(), "AAAA-00", "Mina", EN);
    assertEquals("The class at " + server.url() + " did not accept the code AAAA-00. Check the code your instructor"
        + " shows (it looks like K7Q-F2M).", f.getMessage());
    assertFalse(f.noClass());
    JoinFailure ko = failure(server.url(), "AAAA-00", "Mina", Messages.of("ko"));
    assertTrue(ko.getMessage().contains("AAAA-00 코드를 받지 않았어요"), ko.getMessage());
  }

  @Test
  void aTakenNameSaysSoWithTheServersWords() throws Exception {
    try (ClassConnection other = ClassConnection.open(Files.createDirectories(data.resolve("other")),
        Sending.FAST)) {
      other.join(server.url(), StandInClassServer.CODE, "Mina", "en", EN);
    }
    JoinFailure f = failure(server.url(), StandInClassServer.CODE, "Mina", EN);
    assertTrue(f.getMessage().startsWith("The name Mina is already taken in this class (the server said: the name"
        + " Mina is taken in this class)."), f.getMessage());
  }

  @Test
  void aBadNameSaysWhatANameMayBe() {
    JoinFailure f = failure(server.url(), StandInClassServer.CODE, "x".repeat(41), EN);
    assertTrue(f.getMessage().contains("did not accept the name") && f.getMessage().contains("1 to 40 characters"),
        f.getMessage());
  }

  @Test
  void nobodyListeningSaysWhereItLooked() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    JoinFailure f = failure("http://127.0.0.1:" + port, StandInClassServer.CODE, "Mina", EN);
    assertEquals("Could not reach a class server at http://127.0.0.1:" + port + " (connection refused). Check the"
        + " address with your instructor, and that their server is running.", f.getMessage());
    assertTrue(f.noClass());
    assertFalse(Files.exists(data.resolve("class/link.json")));
  }

  @Test
  void anotherKindOfServerIsNotTakenForAClass() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    web.createContext("/", x -> {
      byte[] b = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(x.getRequestURI().getPath().equals("/api/join") ? 403 : 200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    web.start();
    try {
      String url = "http://127.0.0.1:" + web.getAddress().getPort();
      JoinFailure f = failure(url, StandInClassServer.CODE, "Mina", EN);
      assertEquals(url + " does not look like a shellcamp class server: expected a JSON answer with a learner and"
          + " a secret, found HTTP 403 text/html \"<html><body>It works!</body></html>\".", f.getMessage());
      assertTrue(f.noClass(), "a 403 without our JSON error is not a wrong code");
    } finally {
      web.stop(0);
    }
  }

  @Test
  void anAddressThatIsNotOneSaysWhatOneLooksLike() {
    for (String url : new String[] {"192.168.0.12:8700", "ftp://host", "http://", "http://h:1/?a=b", "not a url"}) {
      JoinFailure f = failure(url, StandInClassServer.CODE, "Mina", EN);
      assertEquals("\"" + url + "\" is not a class server address: expected http://HOST:PORT, such as"
          + " http://192.168.0.12:8700.", f.getMessage());
    }
  }

  @Test
  void missingCodeOrNameSaysWhichOption() {
    assertTrue(failure(server.url(), StandInClassServer.CODE, null, EN).getMessage().contains("--name NAME"));
    assertTrue(failure(server.url(), null, "Mina", EN).getMessage().contains("--code CODE"));
  }

  @Test
  void aCorruptLinkIsMovedAsideWithAMessageAndTheTutorIsNotJoined() throws Exception {
    Files.createDirectories(data.resolve("class"));
    Files.writeString(data.resolve("class/link.json"), "{\"url\": \"http://x\", \"learner\": ");
    try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
      assertTrue(c.link().isEmpty());
      assertFalse(c.joined());
      String w = c.startupWarning(EN);
      assertTrue(w.startsWith("Your class link could not be read (") && w.contains("link.json.corrupt-")
          && w.endsWith("join the class again with :class URL CODE NAME."), w);
      try (var files = Files.list(data.resolve("class"))) {
        assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("link.json.corrupt-")));
      }
      assertFalse(Files.exists(data.resolve("class/link.json")));
      c.join(server.url(), StandInClassServer.CODE, "Mina", "en", EN);
      assertTrue(c.joined(), "joining again works");
    }
  }

  /** A room joining at once from one address (one NAT) meets the real server's join limit: the tutor waits and gets in. */
  @Test
  void aRoomJoiningAtOnceWaitsOutTheJoinLimit() throws Exception {
    try (dev.shellcamp.classroom.RealClass real = new dev.shellcamp.classroom.RealClass()) {
      var http = java.net.http.HttpClient.newHttpClient();
      int refused = 0;
      for (int i = 0; i < 120 && refused == 0; i++) {
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(real.url() + "/api/join"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"code\":\"" + real.code() + "\",\"name\":\"room" + i + "\"}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        refused += r.statusCode() == 429 ? 1 : 0;
      }
      assertEquals(1, refused, "the burst ran into the limit");
      try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
        // the bucket refills while the tutor starts, so whether this one waits depends on the machine
        assertEquals("Mina", c.join(real.url(), real.code(), "Mina", "en", EN).name());
      }
    }
  }

  @Test
  void aJoinToldToWaitWaitsTheRetryAfterAndGetsIn() throws Exception {
    server.tooManyJoins(2, 1);
    try (ClassConnection c = ClassConnection.open(data, Sending.FAST)) {
      long t0 = System.nanoTime();
      assertEquals("Mina", c.join(server.url(), StandInClassServer.CODE, "Mina", "en", EN).name());
      long waited = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(waited >= 1900, "two Retry-After: 1 honoured, waited " + waited + " ms");
    }
  }
}

package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real listener in another process is found through its port, with its pid and command. */
class ListeningPortTest {
  /** Netlink (as ss), and /proc/net/tcp as where netlink is refused: one sample, or the back-off's 16. */
  @ParameterizedTest(name = "netlink {0}")
  @ValueSource(booleans = {true, false})
  void findsThePidOfAPythonServerByItsPortAndForgetsItWhenItEnds(boolean netlink) throws Exception {
    Process py = new ProcessBuilder("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1")
        .redirectErrorStream(true).start();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
      String line = r.readLine();
      Matcher m = Pattern.compile("port (\\d+)").matcher(line == null ? "" : line);
      assertTrue(m.find(), "python3 http.server said: " + line);
      int port = Integer.parseInt(m.group(1));

      Sampler s = new Sampler(false, netlink);
      List<Snapshot.Listener> owners = s.sample().listeners().stream().filter(l -> l.port() == port).toList();
      assertEquals(1, owners.size(), "listeners on " + port + ": " + owners);
      assertEquals(py.pid(), owners.get(0).pid());
      assertTrue(owners.get(0).command().startsWith("python3"), owners.get(0).command());
      assertEquals("127.0.0.1", owners.get(0).address());

      py.destroy();
      py.waitFor();
      // netlink: at the next sample; /proc/net/tcp: the socket counts moved, so within the back-off
      int samples = netlink ? 1 : 17;
      boolean gone = false;
      for (int i = 0; i < samples && !gone; i++) {
        gone = s.sample().listeners().stream().noneMatch(l -> l.port() == port);
      }
      assertTrue(gone, "port " + port + " still shown after " + samples + " samples");
      s.close();
    } finally {
      py.destroyForcibly().waitFor();
    }
  }

  @Test
  void findsThisJvmAsTheOwnerOfItsOwnServerSocket() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Sampler s = new Sampler();
      Snapshot.Listener l = s.sample().listeners().stream().filter(x -> x.port() == ss.getLocalPort()).findFirst()
          .orElseThrow(() -> new AssertionError("port " + ss.getLocalPort() + " not listed"));
      assertEquals(ProcessHandle.current().pid(), l.pid());
      assertEquals("java", l.command());
    }
  }
}

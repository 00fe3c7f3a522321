package dev.shellcamp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.sandbox.KubernetesFakes.RecordingScreen;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attach bridge against the mock API server's WebSocket expectations. The mock speaks the
 * channel protocol (a first byte per frame: 0 stdin, 1 stdout, 4 resize) and answers a frame only
 * when it is exactly the one expected, closing the socket on any other: so an answer seen on the
 * Screen proves the keys or the size arrived as that frame. It cannot show that a real API server
 * and kubelet pass them on to the container's TTY.
 */
@ExtendWith(KubernetesFakes.Quiet.class)
@EnableKubernetesMockClient(crud = true)
class KubernetesAttachTest {
  /** Keys on the stdin channel, as the mock sees a binary frame: as UTF-8 text. */
  private static String stdin(String keys) {
    return "\u0000" + keys;
  }

  /** A resize on channel 4 as fabric8 writes it (a HashMap: Width comes first). */
  private static String resize(int cols, int rows) {
    return "\u0004{\"Width\":" + cols + ",\"Height\":" + rows + "}";
  }

  KubernetesMockServer server;
  KubernetesClient client;
  AutoCloseable kubelet;

  @AfterEach
  void tearDown() throws Exception {
    kubelet.close();
  }

  @Test
  void whatThePodPrintsReachesTheScreenAndTheEndOfTheAttachEndsIt() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Mina");
    KubernetesFakes.attachOpens(server, spec.name(), "shellcamp 안녕\r\n")
        .waitFor(200).andEmit(new OutputStreamMessage("$ "))
        .done().once();
    RecordingScreen screen = new RecordingScreen();
    KubernetesFakes.backend(client, Duration.ofSeconds(20)).start(spec, screen);

    assertTrue(screen.awaitText("$ "), screen.text());
    assertEquals("shellcamp 안녕\r\n$ ", screen.text());
    assertTrue(screen.ended.await(10, TimeUnit.SECONDS), "the attach closed and the screen was not told");
  }

  @Test
  void keysReachThePodsStdinAndASizeItsTty() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Jun");
    KubernetesFakes.attachOpens(server, spec.name(), "$ ")
        .expect(stdin("ls\r")).andEmit(new OutputStreamMessage("ls\r\nnotes.txt\r\n$ ")).once()
        .expect(resize(120, 40)).andEmit(new OutputStreamMessage("[120x40]")).once()
        .done().once();
    RecordingScreen screen = new RecordingScreen();
    Tty tty = KubernetesFakes.backend(client, Duration.ofSeconds(20)).start(spec, screen);
    assertTrue(screen.awaitText("$ "), screen.text());

    tty.write("ls\r".getBytes(StandardCharsets.UTF_8));
    assertTrue(screen.awaitText("notes.txt"), "the keys did not reach stdin: " + screen.text());
    tty.resize(120, 40);
    assertTrue(screen.awaitText("[120x40]"), "the size did not reach the TTY: " + screen.text());
    assertEquals(1, screen.ended.getCount(), "the mock closed the attach: a frame it did not expect");

    tty.close();
    assertTrue(screen.ended.await(10, TimeUnit.SECONDS));
    assertThrows(IOException.class, () -> tty.write("x".getBytes(StandardCharsets.UTF_8)));
  }

  /** The class server's own path: Sandboxes sizes the TTY on start, culls by deleting the pod, and a key resumes it. */
  @Test
  void aSandboxIsSizedCulledAndResumedByAKeyOnANewPod() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    AtomicLong now = new AtomicLong(0);
    Limits limits = new Limits(1.0, 768, 256, Duration.ofMinutes(30));
    // the backend closes its client with the class: a client of its own, so that the test's stays open
    KubernetesBackend backend = KubernetesFakes.backend(server.createClient(), Duration.ofSeconds(20));
    Sandboxes sandboxes = new Sandboxes(backend, "k7qf2m", limits, now::get, false);
    String name = Sandboxes.name("k7qf2m", "learner-1");
    // the first pod's attach is sized as Sandbox does (100x30); the second's is sized again, then typed in
    KubernetesFakes.attachOpens(server, name, "$ ")
        .expect(resize(100, 30)).andEmit(new OutputStreamMessage("[sized]")).once()
        .done().once();
    KubernetesFakes.attachOpens(server, name, "$ ")
        .expect(resize(100, 30)).andEmit(new OutputStreamMessage("[sized again]")).once()
        .expect(stdin("pwd\r")).andEmit(new OutputStreamMessage("/home/learner\r\n")).once()
        .done().once();
    RecordingScreen seen = new RecordingScreen();
    Viewer viewer = new Viewer() {
      @Override
      public void send(String text, Runnable done) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        seen.output(b, 0, b.length);
        done.run();
      }

      @Override
      public void close(String why) {
      }
    };
    Sandbox s = sandboxes.open("learner-1", Map.of("SHELLCAMP_CLASS_LINK", "http://x"),
        new Notices("[ended]", "[culled]"));
    s.connect(viewer);
    assertTrue(seen.awaitText("[sized]"), seen.text());
    String first = client.pods().inNamespace(KubernetesFakes.NS).withName(name).get().getMetadata().getUid();

    now.set(limits.idle().toMillis());
    assertEquals(1, sandboxes.cull());
    assertTrue(seen.awaitText("[culled]"), seen.text());
    assertNull(client.pods().inNamespace(KubernetesFakes.NS).withName(name).get(), "culling left the pod");

    s.keys("pwd\r");
    assertTrue(seen.awaitText("/home/learner"), seen.text());
    assertNotEquals(first, client.pods().inNamespace(KubernetesFakes.NS).withName(name).get().getMetadata().getUid());
    assertTrue(s.running());
    sandboxes.close();
    assertNull(client.pods().inNamespace(KubernetesFakes.NS).withName(name).get(), "closing the class left the pod");
    assertEquals(name, client.persistentVolumeClaims().inNamespace(KubernetesFakes.NS).withName(name).get()
        .getMetadata().getName(), "closing the class took the learner's claim");
  }
}

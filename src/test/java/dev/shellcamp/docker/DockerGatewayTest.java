package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerGatewayTest {
  private static final String LESSON = "test/gateway";

  @AfterEach
  void clean() {
    Engine.removeQuietly("sc-gw-web", "sc-gw-mine", "sc-gw-done");
    Engine.removeVolumeQuietly("sc-gw-data");
    Engine.removeVolumeQuietly("sc-gw-mnt");
  }

  @Test
  void inspectsWhatTheWrapperStartedAndLabelsIt() throws Exception {
    DockerGateway d = Engine.require();
    Engine.docker(LESSON, "run", "-d", "--init", "--name", "sc-gw-web", "-p", "18305:3306", "-e", "DB_PASSWORD=s3cret",
        "-v", "sc-gw-data:/data", BaseImage.TAG, "sh", "-c", "echo ready; sleep 300");
    ContainerInfo ci = d.container("sc-gw-web").orElseThrow();
    assertTrue(ci.running());
    assertEquals("s3cret", ci.envValue("DB_PASSWORD"));
    assertTrue(ci.ports().stream().anyMatch(p -> p.hostPort() == 18305 && p.containerPort() == 3306), ci.ports().toString());
    assertTrue(ci.mounts().stream().anyMatch(m -> "sc-gw-data".equals(m.name()) && m.destination().equals("/data")));
    assertEquals(LESSON, ci.labels().get(DockerGateway.LABEL));
    // the named volume that `run -v` would have made unlabelled is labelled too
    assertTrue(d.labelled(LESSON).contains("sc-gw-data"), "volume labelled");
    long t = System.nanoTime();
    for (int i = 0; i < 100 && !d.logs("sc-gw-web", 5).contains("ready"); i++) {
      Thread.sleep(50);
    }
    assertTrue(d.logs("sc-gw-web", 5).contains("ready"), "logs within " + (System.nanoTime() - t) / 1_000_000 + " ms");
  }

  @Test
  void resetRemovesExactlyTheLessonsObjects() throws Exception {
    DockerGateway d = Engine.require();
    Engine.docker(LESSON, "run", "-d", "--init", "--name", "sc-gw-web", BaseImage.TAG, "sleep", "300");
    Engine.docker(null, "run", "-d", "--init", "--name", "sc-gw-mine", BaseImage.TAG, "sleep", "300");
    Engine.docker(LESSON, "volume", "create", "sc-gw-data");
    Engine.docker(LESSON, "create", "--name", "sc-gw-done", "--mount", "type=volume,source=sc-gw-mnt,target=/m",
        BaseImage.TAG, "true");
    assertTrue(d.labelled(LESSON).contains("sc-gw-mnt"), "a --mount volume is labelled too");
    int removed = d.removeLabelled(LESSON, Set.of());
    assertTrue(removed >= 2, "removed " + removed);
    assertTrue(d.container("sc-gw-web").isEmpty(), "the lesson's container is gone");
    assertTrue(d.container("sc-gw-mine").isPresent(), "a container without the label survives");
    assertFalse(d.labelled(LESSON).contains("sc-gw-data"));
    assertFalse(d.labelled(LESSON).contains("sc-gw-mnt"));
  }

  @Test
  void exitedContainerShowsCodeAndKeepDoesNotRemove() throws Exception {
    DockerGateway d = Engine.require();
    Engine.docker(LESSON, "run", "-d", "--name", "sc-gw-done", BaseImage.TAG, "sh", "-c", "echo boom >&2; exit 3");
    assertEquals("3", Engine.docker(null, "wait", "sc-gw-done"));
    ContainerInfo ci = d.container("sc-gw-done").orElseThrow();
    assertFalse(ci.running());
    assertEquals(3, ci.exitCode());
    assertEquals("exited", ci.status());
    assertTrue(d.logs("sc-gw-done", 5).contains("boom"), "stderr is in the logs");
    Set<String> keep = d.labelled(LESSON);
    assertEquals(0, d.removeLabelled(LESSON, keep));
    assertTrue(d.container("sc-gw-done").isPresent());
  }

  @Test
  void baseImageIsStaticBusybox() {
    DockerGateway d = Engine.require();
    assertTrue(d.image(BaseImage.TAG).isPresent());
    assertTrue(BaseImage.staticBusybox().isPresent());
    assertFalse(BaseImage.isStatic(java.nio.file.Path.of("/bin/bash")), "bash is dynamically linked");
  }
}

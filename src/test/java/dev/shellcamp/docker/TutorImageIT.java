package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The top-level Dockerfile builds a ready lab room: the Linux course verifies inside it, and
 * with the engine's socket mounted the tutor sees Docker. Runs after package (the image copies
 * target/shellcamp.jar) on a base made locally by scripts/make-base-image.
 */
class TutorImageIT {
  private static final String BASE = System.getenv().getOrDefault("SHELLCAMP_IMAGE_BASE", "shellcamp-base:bookworm");
  private static final String TAG = "shellcamp:it";

  record Run(int status, String output) {}

  static Run cli(int minutes, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the process went away
      }
    });
    reader.start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " took over " + minutes + " min");
    }
    reader.join();
    return new Run(p.exitValue(), out.toString());
  }

  @BeforeAll
  static void build() throws Exception {
    Engine.require();
    if (cli(1, "docker", "image", "inspect", BASE).status() != 0) {
      String why = "no base image " + BASE + " (make it with scripts/make-base-image)";
      if ("1".equals(System.getenv("SHELLCAMP_REQUIRE_IMAGE"))) {
        fail(why);
      }
      System.err.println("NOTICE: tutor image test skipped: " + why);
      Assumptions.abort(why);
    }
    Run b = cli(15, "docker", "build", "--build-arg", "BASE=" + BASE, "-t", TAG, ".");
    assertEquals(0, b.status(), () -> "docker build failed:\n" + tail(b.output()));
  }

  @Test
  void linuxCourseVerifiesInsideTheImage() throws Exception {
    Run r = cli(10, "docker", "run", "--rm", TAG, "verify", "/opt/shellcamp/lessons/linux");
    assertEquals(0, r.status(), () -> tail(r.output()));
    assertTrue(r.output().contains(" 0 failed"), () -> tail(r.output()));
  }

  @Test
  void theTutorSeesTheEngineThroughTheMountedSocket() throws Exception {
    Run r = cli(3, "docker", "run", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock", TAG, "doctor");
    for (String cap : List.of("bash", "pty", "docker", "python3-venv")) {
      assertTrue(r.output().lines().anyMatch(l -> l.contains(cap) && l.contains("✓")),
          () -> cap + " not ok in:\n" + r.output());
    }
  }

  private static String tail(String s) {
    List<String> l = s.lines().toList();
    return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
  }
}

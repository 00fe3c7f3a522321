package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The top-level Dockerfile builds a ready lab room: the Linux course verifies inside it, and
 * with the engine's socket mounted the tutor sees Docker. Runs after package (the image copies
 * target/shellcamp.jar) on a base made locally by scripts/make-base-image.
 */
class TutorImageIT {
  private static final String TAG = TutorImage.TAG;

  @BeforeAll
  static void build() throws Exception {
    TutorImage.ensure();
  }

  @Test
  void linuxCourseVerifiesInsideTheImage() throws Exception {
    TutorImage.Run r = TutorImage.cli(10, "docker", "run", "--rm", TAG, "verify", "/opt/shellcamp/lessons/linux");
    assertEquals(0, r.status(), () -> TutorImage.tail(r.output()));
    assertTrue(r.output().contains(" 0 failed"), () -> TutorImage.tail(r.output()));
  }

  @Test
  void theTutorSeesTheEngineThroughTheMountedSocket() throws Exception {
    TutorImage.Run r = TutorImage.cli(3, "docker", "run", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock", TAG, "doctor");
    for (String cap : List.of("bash", "pty", "docker", "python3-venv")) {
      assertTrue(r.output().lines().anyMatch(l -> l.contains(cap) && l.contains("✓")),
          () -> cap + " not ok in:\n" + r.output());
    }
  }
}

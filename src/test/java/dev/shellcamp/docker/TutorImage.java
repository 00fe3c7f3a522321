package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The top-level Dockerfile's image, built once per test run from target/shellcamp.jar (so only
 * after package, in failsafe's ITs) on the base scripts/make-base-image makes locally.
 */
public final class TutorImage {
  public static final String BASE = System.getenv().getOrDefault("SHELLCAMP_IMAGE_BASE", "shellcamp-base:bookworm");
  public static final String TAG = "shellcamp:it";
  private static boolean built;

  private TutorImage() {}

  public record Run(int status, String output) {}

  /** Builds the image (once), skipping — or failing where SHELLCAMP_REQUIRE_IMAGE=1 — without its base. */
  public static synchronized String ensure() throws IOException, InterruptedException {
    Engine.require();
    if (built) {
      return TAG;
    }
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
    built = true;
    return TAG;
  }

  public static Run cli(int minutes, String... cmd) throws IOException, InterruptedException {
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

  public static String tail(String s) {
    List<String> l = s.lines().toList();
    return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
  }
}

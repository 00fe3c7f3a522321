package dev.shellcamp.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python base image the serving lesson builds on. {@code python:3.11-slim} needs a registry,
 * so it is made here by the recipe shipped in the jar (make-python-image.sh, also run by CI
 * through scripts/make-python-image): this machine's own python3 copied {@code FROM scratch},
 * or, failing that, apt in the local Debian base.
 */
public final class PythonImage {
  public static final String TAG = "shellcamp-python:3";
  /** The apt way downloads Python from the mirror: give it time on a slow line. */
  private static final long LIMIT_S = 300;

  /** Whether the image is there now, and the recipe's last words (or why it could not run). */
  public record Made(boolean ok, String detail) {}

  private PythonImage() {}

  /** Makes the image unless the engine has it; blocks while the recipe runs (seconds). */
  public static Made ensure() {
    Path script = null;
    try {
      script = Files.createTempFile("shellcamp-python-", ".sh");
      try (InputStream in = PythonImage.class.getResourceAsStream("make-python-image.sh")) {
        if (in == null) {
          return new Made(false, "make-python-image.sh is missing from the jar");
        }
        Files.write(script, in.readAllBytes());
      }
      Process p = new ProcessBuilder("bash", script.toString(), TAG).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!p.waitFor(LIMIT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Made(false, "making " + TAG + " took over " + LIMIT_S + " s");
      }
      String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
      return new Made(p.exitValue() == 0, last.isEmpty() ? "make-python-image.sh exited " + p.exitValue() : last);
    } catch (IOException e) {
      return new Made(false, "could not run make-python-image.sh: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Made(false, "interrupted while making " + TAG);
    } finally {
      if (script != null) {
        script.toFile().delete();
      }
    }
  }
}

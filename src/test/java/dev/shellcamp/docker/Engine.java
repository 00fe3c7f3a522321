package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shellcamp.shell.Capabilities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real engine for tests: skipped with a notice on a laptop without one, a failure where
 * CI promised it (SHELLCAMP_REQUIRE_DOCKER=1).
 */
public final class Engine {
  private Engine() {}

  public static DockerGateway require() {
    DockerGateway.Connection c = DockerGateway.connect();
    if (!c.ok()) {
      if (Capabilities.required().contains("docker")) {
        fail("Docker is required here (SHELLCAMP_REQUIRE_DOCKER=1) but: " + c.status().detail());
      }
      System.err.println("NOTICE: Docker test skipped: " + c.status().detail());
      Assumptions.abort("Docker test skipped: " + c.status().detail());
    }
    try {
      BaseImage.ensure(c.gateway(), line -> System.err.println("BUILD: " + line), () -> false);
    } catch (IOException e) {
      fail("cannot build the base image: " + e.getMessage());
    }
    return c.gateway();
  }

  /** Runs the real docker CLI (through the lesson wrapper when {@code lesson} is set). */
  public static String docker(String lesson, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (lesson != null) {
      cmd.add("sh");
      cmd.add(wrapper().toString());
    } else {
      cmd.add("docker");
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (lesson != null) {
      pb.environment().put("SHELLCAMP_LESSON", lesson);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("docker " + String.join(" ", args) + " failed: " + out);
    }
    return out.strip();
  }

  private static Path wrapper;

  static synchronized Path wrapper() throws IOException {
    if (wrapper == null) {
      wrapper = Files.createTempFile("docker-wrapper-", ".sh");
      try (var in = Engine.class.getResourceAsStream("/dev/shellcamp/run/docker-wrapper.sh")) {
        Files.write(wrapper, in.readAllBytes());
      }
      wrapper.toFile().deleteOnExit();
    }
    return wrapper;
  }

  public static void removeQuietly(String... names) {
    for (String n : names) {
      try {
        new ProcessBuilder("docker", "rm", "-f", n).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
      } catch (IOException e) {
        // nothing to remove
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public static void removeVolumeQuietly(String name) {
    try {
      new ProcessBuilder("docker", "volume", "rm", "-f", name).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // nothing to remove
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, String> labels(String lesson) {
    return Map.of(DockerGateway.LABEL, lesson);
  }
}

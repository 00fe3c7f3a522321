package dev.shellcamp.bench;

import dev.shellcamp.check.Checks;
import dev.shellcamp.check.Context;
import dev.shellcamp.docker.BaseImage;
import dev.shellcamp.docker.DockerGateway;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scripts/bench's Docker part: one `docker` check (container inspect through the gateway)
 * beside forking `docker inspect`, the CLI a shell script would call, on the same container.
 */
public final class DockerBench {
  private DockerBench() {}

  public static void main(String[] args) throws Exception {
    DockerGateway.Connection c = DockerGateway.connect();
    if (!c.ok()) {
      System.out.println("docker_check skipped: " + c.status().detail());
      return;
    }
    BaseImage.ensure(c.gateway(), l -> { }, () -> false);
    String name = "shellcamp-bench-" + ProcessHandle.current().pid();
    exec("docker", "run", "-d", "--init", "--label", DockerGateway.LABEL + "=bench", "--name", name,
        "-p", "127.0.0.1::80", BaseImage.TAG, "sleep", "600");
    try {
      CheckSpec spec = new CheckSpec("docker", Map.of("container", name, "running", "true"), 1);
      Context ctx = context();
      List<Double> gateway = new ArrayList<>();
      for (int k = 0; k < 220; k++) {
        long t0 = System.nanoTime();
        if (!Checks.evaluate(spec, ctx).passed()) {
          throw new IllegalStateException("the bench container is not running");
        }
        if (k >= 20) {
          gateway.add((System.nanoTime() - t0) / 1e6);
        }
      }
      List<Double> cli = new ArrayList<>();
      for (int k = 0; k < 45; k++) {
        long t0 = System.nanoTime();
        exec("docker", "inspect", "--format", "{{.State.Running}}", name);
        if (k >= 5) {
          cli.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(gateway);
      Collections.sort(cli);
      System.out.printf("docker_check_ms gateway median=%.2f p90=%.2f | docker inspect CLI median=%.2f p90=%.2f%n",
          gateway.get(gateway.size() / 2), gateway.get((int) (gateway.size() * 0.9)),
          cli.get(cli.size() / 2), cli.get((int) (cli.size() * 0.9)));
    } finally {
      c.gateway().removeLabelled("bench", java.util.Set.of());
    }
  }

  private static void exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }
  }

  private static Context context() {
    Messages m = Messages.of("en");
    return new Context() {
      public Path workspace() {
        return Path.of(".");
      }

      public Optional<CommandResult> last() {
        return Optional.empty();
      }

      public List<String> typed() {
        return List.of();
      }

      public String cwd() {
        return ".";
      }

      public Variable variable(String n) {
        return new Variable(false, "", "");
      }

      public Optional<String> answer() {
        return Optional.empty();
      }

      public byte[] snapshot(String p) {
        return null;
      }

      public Map<String, String> scriptEnv() {
        return Map.of();
      }

      public Messages messages() {
        return m;
      }
    };
  }
}

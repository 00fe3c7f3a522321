package dev.shellcamp.cli;

import dev.shellcamp.sandbox.Limits;
import dev.shellcamp.sandbox.Setup;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What each learner's sandbox gets, for {@code class serve --sandbox …}; the defaults are {@link Limits#DEFAULT}. */
final class SandboxLimits {
  @Option(names = "--sandbox-image", paramLabel = "IMAGE",
      description = "the tutor image each sandbox runs (default: ${DEFAULT-VALUE}; build it with docker build -t shellcamp .)")
  String image = Setup.DEFAULT_IMAGE;

  @Option(names = "--sandbox-cpus", paramLabel = "N", description = "CPUs per sandbox (default: ${DEFAULT-VALUE})")
  double cpus = Limits.DEFAULT.cpus();

  @Option(names = "--sandbox-memory", paramLabel = "MIB", description = "memory per sandbox in MiB, swap included (default: ${DEFAULT-VALUE})")
  int memoryMiB = Limits.DEFAULT.memoryMiB();

  @Option(names = "--sandbox-pids", paramLabel = "N",
      description = "processes per sandbox (default: ${DEFAULT-VALUE}); Docker only: on Kubernetes the kubelet's podPidsLimit sets it")
  int pids = Limits.DEFAULT.pids();

  @Option(names = "--sandbox-idle", paramLabel = "MINUTES",
      description = "stop a sandbox after this many minutes without a key; any key starts it again (default: ${DEFAULT-VALUE})")
  long idleMinutes = Limits.DEFAULT.idle().toMinutes();

  @Option(names = "--namespace", paramLabel = "NS", description = "the Kubernetes namespace of the pods (default: the client's own, from its kubeconfig or service account)")
  String namespace = null;

  Limits limits() {
    return new Limits(cpus, memoryMiB, pids, Duration.ofMinutes(idleMinutes));
  }
}

package dev.shellcamp.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import dev.shellcamp.docker.DockerGateway;
import dev.shellcamp.docker.EngineProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sandboxes as containers of the tutor image on this host's engine. Each gets its own named
 * volume at the learner's home, a non-root user, CPU, memory and pids limits, no capabilities, no
 * new privileges, and a class network on which sandboxes cannot reach each other; never the
 * engine's socket.
 */
public final class DockerBackend implements Backend {
  static final String HOME = "/home/learner";
  /** The tutor image's learner account (the Dockerfile makes it). */
  static final String USER = "1000:1000";

  private final DockerClient docker;
  private final String image;
  private final String network;
  private String gateway;

  private DockerBackend(DockerClient docker, String image, String network) {
    this.docker = docker;
    this.image = image;
    this.network = network;
  }

  /** The engine, the image there, and the class's network made; or why not, in words an instructor can act on. */
  public static DockerBackend connect(String image, String classId) throws SandboxException {
    EngineProbe.Status st = EngineProbe.probe();
    if (!st.ok()) {
      throw new SandboxException("no Docker engine for the sandboxes: " + st.detail());
    }
    DockerClient docker = DockerGateway.client(Duration.ZERO, 500);
    try {
      docker.inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      close(docker);
      throw new SandboxException("no image " + image + " for the sandboxes: build it with "
          + "`mvn -q package -DskipTests && docker build -t " + image + " .` (see docs/class.md)");
    }
    DockerBackend b = new DockerBackend(docker, image, "shellcamp-class-" + classId);
    try {
      b.gateway = b.network(classId);
    } catch (DockerException e) {
      b.close();
      throw new SandboxException("cannot make the class network " + b.network + ": " + e.getMessage(), e);
    }
    return b;
  }

  @Override
  public String kind() {
    return "Docker";
  }

  /** This host as the sandboxes see it: their network's gateway (the server listens there too when on 0.0.0.0). */
  @Override
  public String tutorUrl(int port) {
    return "http://" + gateway + ":" + port;
  }

  private String network(String classId) {
    for (Network n : docker.listNetworksCmd().withNameFilter(network).exec()) {
      if (n.getName().equals(network)) {
        return gatewayOf(n);
      }
    }
    docker.createNetworkCmd().withName(network).withDriver("bridge")
        .withLabels(Map.of(Spec.CLASS_LABEL, classId))
        // learners' sandboxes reach this host (the class server) but not each other
        .withOptions(Map.of("com.docker.network.bridge.enable_icc", "false"))
        .exec();
    return gatewayOf(docker.inspectNetworkCmd().withNetworkId(network).exec());
  }

  private static String gatewayOf(Network n) {
    return n.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway)
        .filter(g -> g != null && g.contains(".")).findFirst()
        .orElseThrow(() -> new IllegalStateException("the network " + n.getName() + " has no IPv4 gateway"));
  }

  @Override
  public Tty start(Spec spec, Screen screen) throws SandboxException {
    try {
      InspectContainerResponse c = inspect(spec.name());
      if (c == null) {
        create(spec);
        c = inspect(spec.name());
      }
      boolean running = Boolean.TRUE.equals(c.getState().getRunning());
      DockerTty tty = attach(c.getId(), screen);
      if (!running) {
        docker.startContainerCmd(c.getId()).exec();
      }
      return tty;
    } catch (DockerException | IllegalStateException e) {
      throw new SandboxException("the sandbox " + spec.name() + " could not start: " + e.getMessage(), e);
    }
  }

  private InspectContainerResponse inspect(String name) {
    try {
      return docker.inspectContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void create(Spec spec) {
    Limits l = spec.limits();
    docker.createVolumeCmd().withName(spec.name()).withLabels(spec.labels()).exec();
    List<String> env = new ArrayList<>(List.of("HOME=" + HOME, "SHELLCAMP_SANDBOX=docker", "LANG=C.UTF-8",
        "TERM=xterm-256color"));
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    HostConfig host = HostConfig.newHostConfig()
        .withMemory(l.memoryBytes())
        .withMemorySwap(l.memoryBytes())
        .withNanoCPUs((long) (l.cpus() * 1e9))
        .withPidsLimit((long) l.pids())
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withPrivileged(false)
        .withInit(true)
        .withNetworkMode(network)
        .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(spec.name()).withTarget(HOME)));
    docker.createContainerCmd(image)
        .withName(spec.name())
        .withLabels(spec.labels())
        .withUser(USER)
        .withWorkingDir(HOME)
        .withEnv(env)
        .withTty(true)
        .withStdinOpen(true)
        .withStdInOnce(false)
        .withAttachStdin(true)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .withHostConfig(host)
        .exec();
  }

  private DockerTty attach(String id, Screen screen) throws SandboxException {
    Keys keys = new Keys();
    ResultCallback.Adapter<Frame> out = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        byte[] b = frame.getPayload();
        screen.output(b, 0, b.length);
      }

      @Override
      public void onError(Throwable e) {
        super.onError(e);
        keys.close();
        screen.ended();
      }

      @Override
      public void onComplete() {
        super.onComplete();
        keys.close();
        screen.ended();
      }
    };
    docker.attachContainerCmd(id).withStdIn(keys).withStdOut(true).withStdErr(true).withFollowStream(true)
        .exec(out);
    try {
      // the tutor's first screen must not be printed before anyone listens
      if (!out.awaitStarted(10, TimeUnit.SECONDS)) {
        throw new SandboxException("attaching to the sandbox's terminal took over 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while attaching");
    }
    return new DockerTty(id, keys, out);
  }

  private final class DockerTty implements Tty {
    private final String id;
    private final Keys keys;
    private final ResultCallback.Adapter<Frame> out;

    DockerTty(String id, Keys keys, ResultCallback.Adapter<Frame> out) {
      this.id = id;
      this.keys = keys;
      this.out = out;
    }

    @Override
    public void write(byte[] k) throws IOException {
      keys.put(k);
    }

    @Override
    public void resize(int cols, int rows) {
      try {
        docker.resizeContainerCmd(id).withSize(rows, cols).exec();
      } catch (DockerException e) {
        // the container is gone or not running: the next start sizes it anew
      }
    }

    @Override
    public void close() {
      keys.close();
      try {
        out.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void stop(Spec spec) throws SandboxException {
    try {
      docker.stopContainerCmd(spec.name()).withTimeout(5).exec();
    } catch (NotModifiedException | NotFoundException e) {
      // already stopped, or gone: either way not running
    } catch (DockerException e) {
      throw new SandboxException("the sandbox " + spec.name() + " could not be stopped: " + e.getMessage(), e);
    }
  }

  @Override
  public int removeAll(String classId, boolean volumes) throws SandboxException {
    String label = Spec.CLASS_LABEL + "=" + classId;
    try {
      List<Container> mine = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Spec.CLASS_LABEL, classId))
          .exec();
      for (Container c : mine) {
        try {
          docker.removeContainerCmd(c.getId()).withForce(true).exec();
        } catch (NotFoundException e) {
          // went by itself
        }
      }
      if (volumes) {
        var vs = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        for (var v : vs == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : vs) {
          docker.removeVolumeCmd(v.getName()).exec();
        }
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
          docker.removeNetworkCmd(n.getId()).exec();
        }
      }
      return mine.size();
    } catch (DockerException e) {
      throw new SandboxException("the class's sandboxes could not all be removed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    close(docker);
  }

  private static void close(DockerClient docker) {
    try {
      docker.close();
    } catch (IOException e) {
      // nothing held that outlives the process
    }
  }
}

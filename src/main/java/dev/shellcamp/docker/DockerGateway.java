package dev.shellcamp.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one way into the engine: read containers and images for checks, remove what a lesson
 * made, build a local image. One client per process, created on first use.
 */
public final class DockerGateway implements AutoCloseable {
  public static final String LABEL = "shellcamp.lesson";

  private static DockerGateway shared;
  private final DockerClient client;

  private DockerGateway(DockerClient client) {
    this.client = client;
  }

  /**
   * The engine, or empty with the reason when it cannot be used. The probe runs first so a
   * missing engine costs one socket call and no docker-java class loading.
   */
  public static synchronized Connection connect() {
    EngineProbe.Status st = EngineProbe.probe();
    if (!st.ok()) {
      return new Connection(null, st);
    }
    if (shared == null) {
      shared = new DockerGateway(client(Duration.ofMinutes(5), 100));
    }
    return new Connection(shared, st);
  }

  /**
   * A client of the engine at the probed socket. {@code responseTimeout} zero waits for ever,
   * which a long-lived attach needs: a learner's terminal may print nothing for an hour.
   */
  public static DockerClient client(Duration responseTimeout, int maxConnections) {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + EngineProbe.socket())
        .withDockerTlsVerify(false)
        .build();
    var http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .connectionTimeout(Duration.ofSeconds(3))
        .responseTimeout(responseTimeout)
        .maxConnections(maxConnections)
        .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /** A gateway when the engine answered, otherwise why not. */
  public record Connection(DockerGateway gateway, EngineProbe.Status status) {
    public boolean ok() {
      return gateway != null;
    }
  }

  public Optional<ContainerInfo> container(String nameOrId) {
    try {
      return Optional.of(info(client.inspectContainerCmd(nameOrId).exec()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Container names, for "found instead" messages. */
  public List<String> containerNames() {
    return client.listContainersCmd().withShowAll(true).exec().stream()
        .map(c -> c.getNames() == null || c.getNames().length == 0 ? c.getId().substring(0, 12) : strip(c.getNames()[0]))
        .sorted().toList();
  }

  /** Image id for a reference such as {@code web:1.0}; a reference without tag means latest. */
  public Optional<String> image(String ref) {
    try {
      return Optional.of(client.inspectImageCmd(ref).exec().getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Repository:tag names of local images, for "found instead" messages. */
  public List<String> imageTags() {
    return client.listImagesCmd().exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.empty() : Arrays.stream(i.getRepoTags()))
        .filter(t -> !t.equals("<none>:<none>")).sorted().toList();
  }

  /** The last {@code lines} lines of a container's stdout and stderr, interleaved as written. */
  public String logs(String nameOrId, int lines) {
    StringBuilder b = new StringBuilder();
    try {
      client.logContainerCmd(nameOrId).withStdOut(true).withStdErr(true).withTail(lines)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
              b.append(new String(f.getPayload(), StandardCharsets.UTF_8));
            }
          }).awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return "";
    }
    return b.toString();
  }

  /** Ids of everything carrying this lesson's label, to tell later what an attempt added. */
  public Set<String> labelled(String lessonId) {
    Set<String> ids = new java.util.HashSet<>();
    Map<String, String> f = Map.of(LABEL, lessonId);
    client.listContainersCmd().withShowAll(true).withLabelFilter(f).exec().forEach(c -> ids.add(c.getId()));
    client.listImagesCmd().withLabelFilter(f).exec().forEach(i -> ids.add(i.getId()));
    client.listVolumesCmd().withFilter("label", List.of(LABEL + "=" + lessonId)).exec().getVolumes()
        .forEach(v -> ids.add(v.getName()));
    client.listNetworksCmd().withFilter("label", List.of(LABEL + "=" + lessonId)).exec()
        .forEach(n -> ids.add(n.getId()));
    return ids;
  }

  /**
   * Removes containers, then images, volumes and networks labelled with this lesson, except
   * the ids in {@code keep}. Nothing without the label is touched.
   */
  public int removeLabelled(String lessonId, Set<String> keep) {
    Map<String, String> f = Map.of(LABEL, lessonId);
    List<String> labelFilter = List.of(LABEL + "=" + lessonId);
    int n = 0;
    for (var c : client.listContainersCmd().withShowAll(true).withLabelFilter(f).exec()) {
      if (!keep.contains(c.getId()) && quietly(() -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec())) {
        n++;
      }
    }
    for (var i : client.listImagesCmd().withLabelFilter(f).exec()) {
      if (!keep.contains(i.getId()) && quietly(() -> client.removeImageCmd(i.getId()).withForce(true).exec())) {
        n++;
      }
    }
    for (var v : client.listVolumesCmd().withFilter("label", labelFilter).exec().getVolumes()) {
      if (!keep.contains(v.getName()) && quietly(() -> client.removeVolumeCmd(v.getName()).exec())) {
        n++;
      }
    }
    for (var net : client.listNetworksCmd().withFilter("label", labelFilter).exec()) {
      if (!keep.contains(net.getId()) && quietly(() -> client.removeNetworkCmd(net.getId()).exec())) {
        n++;
      }
    }
    return n;
  }

  /**
   * Builds {@code dir} (with its Dockerfile) as {@code tag}. Each line of the engine's stream
   * goes to {@code progress}; {@code cancelled} is polled so Ctrl-C can stop a long build.
   */
  public String build(File dir, String tag, Map<String, String> labels, Consumer<String> progress,
      BooleanSupplier cancelled) throws IOException {
    StringBuilder error = new StringBuilder();
    BuildImageResultCallback cb = new BuildImageResultCallback() {
      @Override
      public void onNext(BuildResponseItem item) {
        if (item.getStream() != null && !item.getStream().isBlank()) {
          progress.accept(item.getStream().strip());
        }
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
          error.append(item.getErrorDetail().getMessage());
        }
        super.onNext(item);
      }
    };
    client.buildImageCmd(dir).withTags(Set.of(tag)).withLabels(labels).withPull(false).exec(cb);
    // a timed awaitCompletion here loses the stream (docker-java 3.5.3), so Ctrl-C is watched aside
    java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    Thread watch = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          if (cancelled.getAsBoolean()) {
            stopped.set(true);
            cb.close();
            return;
          }
          Thread.sleep(100);
        }
      } catch (InterruptedException | IOException e) {
        // the build ended first
      }
    }, "build-cancel");
    watch.setDaemon(true);
    watch.start();
    try {
      return cb.awaitImageId();
    } catch (RuntimeException e) {
      if (stopped.get()) {
        throw new IOException("build of " + tag + " interrupted");
      }
      throw new IOException("build of " + tag + " failed: " + (error.length() > 0 ? error : e.getMessage()), e);
    } finally {
      watch.interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  private static ContainerInfo info(InspectContainerResponse r) {
    var state = r.getState();
    var config = r.getConfig();
    List<ContainerInfo.Port> ports = new ArrayList<>();
    if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
      ports.addAll(ports(r.getNetworkSettings().getPorts()));
    }
    if (ports.isEmpty() && r.getHostConfig() != null && r.getHostConfig().getPortBindings() != null) {
      ports.addAll(ports(r.getHostConfig().getPortBindings()));
    }
    List<ContainerInfo.Mount> mounts = new ArrayList<>();
    if (r.getMounts() != null) {
      for (var m : r.getMounts()) {
        mounts.add(new ContainerInfo.Mount(m.getName() != null ? "volume" : "bind", m.getName(), m.getSource(),
            m.getDestination() == null ? "" : m.getDestination().getPath()));
      }
    }
    return new ContainerInfo(strip(r.getName()), r.getId(), config == null ? "" : config.getImage(),
        state == null ? "" : String.valueOf(state.getStatus()),
        state != null && Boolean.TRUE.equals(state.getRunning()),
        state == null || state.getExitCodeLong() == null ? -1 : state.getExitCodeLong(),
        config == null || config.getEnv() == null ? List.of() : List.of(config.getEnv()),
        List.copyOf(ports), List.copyOf(mounts),
        config == null || config.getLabels() == null ? Map.of() : Map.copyOf(config.getLabels()),
        config == null || config.getCmd() == null ? List.of() : List.of(config.getCmd()),
        config == null || config.getEntrypoint() == null ? List.of() : List.of(config.getEntrypoint()));
  }

  private static List<ContainerInfo.Port> ports(Ports p) {
    List<ContainerInfo.Port> out = new ArrayList<>();
    for (Map.Entry<ExposedPort, Ports.Binding[]> e : p.getBindings().entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      for (Ports.Binding b : e.getValue()) {
        String hp = b.getHostPortSpec();
        if (hp != null && hp.matches("\\d+")) {
          out.add(new ContainerInfo.Port(b.getHostIp(), Integer.parseInt(hp), e.getKey().getPort(),
              e.getKey().getProtocol().toString()));
        }
      }
    }
    return out;
  }

  private static String strip(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : name;
  }

  private static boolean quietly(Runnable r) {
    try {
      r.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

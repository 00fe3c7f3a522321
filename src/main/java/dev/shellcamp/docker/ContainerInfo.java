package dev.shellcamp.docker;

import java.util.List;
import java.util.Map;

/** What a Docker check looks at in one container, read in one inspect call. */
public record ContainerInfo(
    String name,
    String id,
    String image,
    String status,
    boolean running,
    long exitCode,
    List<String> env,
    List<Port> ports,
    List<Mount> mounts,
    Map<String, String> labels,
    List<String> cmd,
    List<String> entrypoint) {

  /** A published port: host 3305 → container 3306/tcp. */
  public record Port(String hostIp, int hostPort, int containerPort, String protocol) {
    @Override
    public String toString() {
      return hostPort + "->" + containerPort + "/" + protocol;
    }
  }

  /** A bind mount (source is a host path) or a volume (name set). */
  public record Mount(String type, String name, String source, String destination) {
    @Override
    public String toString() {
      return (name != null && !name.isEmpty() ? name : source) + ":" + destination;
    }
  }

  /** The value of an environment variable, or null. */
  public String envValue(String key) {
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq > 0 && e.substring(0, eq).equals(key)) {
        return e.substring(eq + 1);
      }
    }
    return null;
  }

}

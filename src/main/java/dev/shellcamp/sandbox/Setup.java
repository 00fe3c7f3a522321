package dev.shellcamp.sandbox;

/**
 * How a class's sandboxes are made, as {@code class serve --sandbox …} was asked: the back end
 * ({@code docker} or {@code kubernetes}), the tutor image, the Kubernetes namespace and the limits.
 */
public record Setup(String kind, String image, String namespace, Limits limits) {
  public static final String DEFAULT_IMAGE = "shellcamp";

  /** The back end, connected, for the class {@code classId}; or why it cannot be had. */
  public Backend connect(String classId) throws SandboxException {
    return switch (kind) {
      case "docker" -> DockerBackend.connect(image, classId);
      case "kubernetes" -> KubernetesBackend.connect(image, namespace);
      default -> throw new SandboxException("no sandbox back end " + kind + ": docker or kubernetes");
    };
  }

  /** A class's id in names and labels: its code, lower case, so both Docker and Kubernetes take it. */
  public static String classId(String code) {
    return code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}

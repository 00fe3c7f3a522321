package dev.shellcamp.sandbox;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Sandboxes as pods of the tutor image, through the Kubernetes API: one pod per learner with a
 * claim of its own at the learner's home, the class's limits as resources, non-root, no
 * capabilities, no privilege escalation, the runtime's seccomp profile and no service account
 * token. Culling deletes the pod and keeps the claim; the next start makes the pod again on it.
 * The class server needs only pods, pods/attach and persistentvolumeclaims in its namespace
 * ({@code deploy/kubernetes/}).
 */
public final class KubernetesBackend implements Backend {
  /** Each learner's workspace: a tutor, lessons' files and a Python venv fit in far less. */
  static final String STORAGE = "1Gi";
  /** Overrides {@link #tutorUrl}: where pods reach the class server when not by deploy/kubernetes/'s Service. */
  static final String CLASS_URL_ENV = "SHELLCAMP_SANDBOX_CLASS_URL";
  /** The Service that deploy/kubernetes/ puts in front of the class server. */
  static final String SERVICE = "shellcamp-class";
  /** Scheduling, a first pull of a ~400 MB image and the JVM's start; past this the instructor hears why. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final KubernetesClient client;
  private final String namespace;
  private final String image;
  private final String classUrl;
  private final String storage;
  private final Duration startTimeout;

  KubernetesBackend(KubernetesClient client, String namespace, String image, String classUrl, String storage,
      Duration startTimeout) {
    this.client = client;
    this.namespace = namespace;
    this.image = image;
    this.classUrl = classUrl;
    this.storage = storage;
    this.startTimeout = startTimeout;
  }

  /**
   * The cluster of the kubeconfig, or of the service account when the class server runs in a pod,
   * with pods of this namespace listed once, so that a missing cluster or Role is told now and not
   * at the first learner's visit.
   */
  public static KubernetesBackend connect(String image, String namespace) throws SandboxException {
    // the client's default, 10 retries with a doubling backoff, holds a request for 20 s and more when
    // the API server is away: a learner waits on it, and would rather be told to try again
    Config config = new ConfigBuilder(Config.autoConfigure(null)).withRequestRetryBackoffLimit(3).build();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    String ns = namespace != null && !namespace.isBlank() ? namespace
        : client.getNamespace() != null ? client.getNamespace() : "default";
    try {
      client.pods().inNamespace(ns).list(new ListOptionsBuilder().withLimit(1L).build());
    } catch (KubernetesClientException e) {
      client.close();
      throw new SandboxException("cannot list pods in the namespace " + ns + " at " + client.getMasterUrl()
          + " (is a cluster configured, and may this account use pods there? see deploy/kubernetes/): "
          + why(e), e);
    }
    return new KubernetesBackend(client, ns, image, System.getenv(CLASS_URL_ENV), STORAGE, START_TIMEOUT);
  }

  @Override
  public String kind() {
    return "Kubernetes";
  }

  /** The Service in front of the class server, by its cluster DNS name; {@value #CLASS_URL_ENV} overrides it. */
  @Override
  public String tutorUrl(int port) {
    if (classUrl != null && !classUrl.isBlank()) {
      return classUrl;
    }
    return "http://" + SERVICE + "." + namespace + ".svc:" + port;
  }

  @Override
  public Tty start(Spec spec, Screen screen) throws SandboxException {
    try {
      claim(spec);
      PodResource pod = client.pods().inNamespace(namespace).withName(spec.name());
      Pod p = pod.get();
      if (p != null && PodState.over(p)) {
        gone(pod, spec.name());
        p = null;
      }
      if (p == null) {
        client.pods().inNamespace(namespace).resource(KubernetesPods.pod(spec, image)).create();
      }
      awaitReady(pod, spec.name());
      return KubernetesTty.pump(pod.inContainer(KubernetesPods.CONTAINER).withReadyWaitTimeout(10_000)
          .redirectingInput().redirectingOutput().withTTY().attach(), screen, spec.name());
    } catch (KubernetesClientException e) {
      throw new SandboxException("the sandbox " + spec.name() + " could not start: " + why(e), e);
    }
  }

  /** The learner's claim, made on the first visit; it outlives every pod made on it. */
  private void claim(Spec spec) {
    var claims = client.persistentVolumeClaims().inNamespace(namespace);
    if (claims.withName(spec.name()).get() == null) {
      try {
        claims.resource(KubernetesPods.claim(spec, storage)).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  /** An ended or dying pod holds its name until it is gone: delete it and wait for that before making it anew. */
  private void gone(PodResource pod, String name) throws SandboxException {
    // its grace period, and time for the kubelet to report the container gone
    long seconds = KubernetesPods.GRACE_SECONDS + 25;
    pod.delete();
    try {
      pod.waitUntilCondition(Objects::isNull, seconds, TimeUnit.SECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new SandboxException("the ended pod " + name + " in " + namespace + " was not gone after " + seconds
          + " s; try again in a moment", e);
    }
  }

  private void awaitReady(PodResource pod, String name) throws SandboxException {
    Pod p;
    try {
      p = pod.waitUntilCondition(x -> x == null || PodState.ready(x) || PodState.hopeless(x) != null,
          startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      Pod now = pod.get();
      throw new SandboxException("the pod " + name + " in " + namespace + " was not running after "
          + startTimeout.toSeconds() + " s: " + (now == null ? "it is gone" : PodState.describe(now)), e);
    }
    if (p == null) {
      throw new SandboxException("the pod " + name + " in " + namespace + " went away while starting");
    }
    String why = PodState.hopeless(p);
    if (why != null) {
      throw new SandboxException("the pod " + name + " in " + namespace + " cannot start (image " + image + "): "
          + why);
    }
  }

  /** Culling: the pod goes, the claim stays. */
  @Override
  public void stop(Spec spec) throws SandboxException {
    try {
      client.pods().inNamespace(namespace).withName(spec.name()).delete();
    } catch (KubernetesClientException e) {
      throw new SandboxException("the pod " + spec.name() + " could not be deleted: " + why(e), e);
    }
  }

  @Override
  public int removeAll(String classId, boolean volumes) throws SandboxException {
    try {
      // listed, then deleted one by one: exactly what carries the label goes, and the count is of those
      var pods = client.pods().inNamespace(namespace).withLabel(Spec.CLASS_LABEL, classId).list().getItems();
      pods.forEach(p -> client.pods().inNamespace(namespace).resource(p).delete());
      if (volumes) {
        client.persistentVolumeClaims().inNamespace(namespace).withLabel(Spec.CLASS_LABEL, classId).list().getItems()
            .forEach(c -> client.persistentVolumeClaims().inNamespace(namespace).resource(c).delete());
      }
      return pods.size();
    } catch (KubernetesClientException e) {
      throw new SandboxException("the class's pods could not all be deleted: " + why(e), e);
    }
  }

  /**
   * What went wrong in the API server's words (a 403 names the verb and resource the Role lacks),
   * or the root cause (connection refused, an unknown host): the client's own message only says
   * which operation failed.
   */
  static String why(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    // below the client's exception java.net.http nests its own, often without a message
    // (IOException, then ConnectException, then ClosedChannelException): the first message, or the names
    List<String> names = new ArrayList<>();
    for (Throwable t = e.getCause(); t != null && names.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
      names.add(t.getClass().getSimpleName());
    }
    return names.isEmpty() ? String.valueOf(e.getMessage()) : String.join(": ", names);
  }

  @Override
  public void close() {
    client.close();
  }
}

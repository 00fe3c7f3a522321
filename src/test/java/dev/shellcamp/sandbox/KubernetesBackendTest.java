package dev.shellcamp.sandbox;

import static dev.shellcamp.sandbox.KubernetesFakes.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.sandbox.KubernetesFakes.RecordingScreen;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend against fabric8's mock API server in CRUD mode: it stores what is created and
 * deleted as an API server would, but runs no pod, so {@link KubernetesFakes#kubelet} plays the
 * node. The attach itself is {@link KubernetesAttachTest}'s; here it only prints a prompt.
 */
@ExtendWith(KubernetesFakes.Quiet.class)
@EnableKubernetesMockClient(crud = true)
class KubernetesBackendTest {
  KubernetesMockServer server;
  KubernetesClient client;
  KubernetesBackend backend;
  AutoCloseable kubelet;

  @BeforeEach
  void setUp() {
    backend = KubernetesFakes.backend(client, Duration.ofSeconds(20));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (kubelet != null) {
      kubelet.close();
    }
  }

  private Tty start(Spec spec) throws Exception {
    KubernetesFakes.attachPrints(server, spec.name(), "$ ");
    RecordingScreen screen = new RecordingScreen();
    Tty tty = backend.start(spec, screen);
    assertTrue(screen.awaitText("$ "), "the attach printed nothing: " + screen.text());
    return tty;
  }

  /** Starts the sandbox and closes its terminal: the uid of the pod it ran in. */
  private String startedPod(Spec spec) throws Exception {
    start(spec).close();
    return pod(spec.name()).getMetadata().getUid();
  }

  private Pod pod(String name) {
    return client.pods().inNamespace(NS).withName(name).get();
  }

  private PersistentVolumeClaim claim(String name) {
    return client.persistentVolumeClaims().inNamespace(NS).withName(name).get();
  }

  private static BigDecimal amount(Map<String, Quantity> m, String key) {
    return Quantity.getAmountInBytes(m.get(key));
  }

  @Test
  void thePodHasTheImageTheLimitsTheHardeningTheLabelsAndTheClaim() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Mina-1");
    start(spec).close();

    Pod pod = pod(spec.name());
    assertNotNull(pod, "no pod " + spec.name());
    assertEquals(spec.labels(), pod.getMetadata().getLabels());
    PodSpec ps = pod.getSpec();
    assertEquals("Never", ps.getRestartPolicy());
    assertEquals(false, ps.getAutomountServiceAccountToken());
    assertEquals(false, ps.getEnableServiceLinks());
    assertEquals(true, ps.getSecurityContext().getRunAsNonRoot());
    assertEquals(1000L, ps.getSecurityContext().getRunAsUser());
    assertEquals(1000L, ps.getSecurityContext().getRunAsGroup());
    assertEquals(1000L, ps.getSecurityContext().getFsGroup());
    assertEquals("RuntimeDefault", ps.getSecurityContext().getSeccompProfile().getType());

    assertEquals(1, ps.getContainers().size());
    Container c = ps.getContainers().get(0);
    assertEquals(KubernetesFakes.IMAGE, c.getImage());
    assertEquals(true, c.getStdin());
    assertEquals(true, c.getTty());
    assertEquals(false, c.getSecurityContext().getAllowPrivilegeEscalation());
    assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
    var limits = c.getResources().getLimits();
    assertEquals(0, amount(limits, "cpu").compareTo(BigDecimal.valueOf(Limits.DEFAULT.cpus())), "cpu limit " + limits);
    assertEquals(0, amount(limits, "memory").compareTo(BigDecimal.valueOf(Limits.DEFAULT.memoryBytes())),
        "memory " + limits);
    var requests = c.getResources().getRequests();
    assertEquals(amount(limits, "memory"), amount(requests, "memory"));
    assertTrue(amount(requests, "cpu").compareTo(amount(limits, "cpu")) < 0, "cpu is asked for in part: " + requests);

    Map<String, String> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertEquals(spec.env().get("SHELLCAMP_CLASS_LINK"), env.get("SHELLCAMP_CLASS_LINK"));
    assertEquals(DockerBackend.HOME, env.get("HOME"));
    assertEquals("kubernetes", env.get("SHELLCAMP_SANDBOX"));
    assertEquals("C.UTF-8", env.get("LANG"));
    assertEquals("xterm-256color", env.get("TERM"));

    assertEquals(DockerBackend.HOME, c.getVolumeMounts().get(0).getMountPath());
    String volume = c.getVolumeMounts().get(0).getName();
    var v = ps.getVolumes().stream().filter(x -> x.getName().equals(volume)).findFirst().orElseThrow();
    assertEquals(spec.name(), v.getPersistentVolumeClaim().getClaimName());

    PersistentVolumeClaim pvc = claim(spec.name());
    assertNotNull(pvc, "no claim " + spec.name());
    assertEquals(spec.labels(), pvc.getMetadata().getLabels());
    assertEquals(List.of("ReadWriteOnce"), pvc.getSpec().getAccessModes());
    assertEquals(new Quantity("1Gi"), pvc.getSpec().getResources().getRequests().get("storage"));
  }

  @Test
  void cullingDeletesThePodKeepsTheClaimAndTheNextStartMakesThePodOnIt() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Jun");
    String podUid = startedPod(spec);
    String claimUid = claim(spec.name()).getMetadata().getUid();

    backend.stop(spec);
    assertNull(pod(spec.name()), "the culled pod is still there");
    assertEquals(claimUid, claim(spec.name()).getMetadata().getUid(), "the claim went with the pod");
    backend.stop(spec); // a second cull finds nothing to delete, and says nothing

    start(spec).close();
    Pod again = pod(spec.name());
    assertNotEquals(podUid, again.getMetadata().getUid());
    assertEquals(spec.name(), again.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName());
    assertEquals(claimUid, claim(spec.name()).getMetadata().getUid(), "a second claim was made");
  }

  @Test
  void aRunningPodIsAttachedAndAnEndedOneIsMadeAnew() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Ines");
    String first = startedPod(spec);

    assertEquals(first, startedPod(spec), "a running pod was made again");

    // the tutor quit: with restartPolicy Never the pod stays Succeeded until someone deletes it
    KubernetesFakes.setStatus(client, spec.name(), new PodStatusBuilder().withPhase("Succeeded").build());
    start(spec).close();
    Pod again = pod(spec.name());
    assertNotEquals(first, again.getMetadata().getUid());
    assertEquals("Running", again.getStatus().getPhase());
  }

  @Test
  void removeAllTakesThisClassesPodsAndWithVolumesTheirClaimsAndNothingElse() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Map<String, String> other = Map.of(Spec.CLASS_LABEL, "otherclass");
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("bystander").withLabels(other)
        .endMetadata().withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec()
        .build())
        .create();
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("unlabelled").endMetadata()
        .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec().build()).create();
    client.persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder().withNewMetadata()
        .withName("bystander").withLabels(other).endMetadata().build()).create();
    Spec a = KubernetesFakes.spec("A");
    Spec b = KubernetesFakes.spec("B");
    start(a).close();
    start(b).close();

    assertEquals(2, backend.removeAll("k7qf2m", false));
    assertNull(pod(a.name()));
    assertNull(pod(b.name()));
    assertNotNull(claim(a.name()), "without volumes the claims stay");
    assertNotNull(pod("bystander"));
    assertNotNull(pod("unlabelled"));

    assertEquals(0, backend.removeAll("k7qf2m", true));
    assertNull(claim(a.name()));
    assertNull(claim(b.name()));
    assertNotNull(claim("bystander"), "another class's claim went");
    assertNotNull(pod("bystander"));
  }

  @Test
  void anImageThatCannotBePulledIsToldAtOnceWithTheKubeletsReason() {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.waiting("ErrImagePull",
        "pull access denied for registry.example/shellcamp"));
    Spec spec = KubernetesFakes.spec("Mina");
    long t0 = System.nanoTime();
    SandboxException e = assertThrows(SandboxException.class, () -> backend.start(spec, new RecordingScreen()));
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos(), "it waited out the start timeout");
    assertTrue(e.getMessage().contains(spec.name()), e.getMessage());
    assertTrue(e.getMessage().contains("ErrImagePull: pull access denied"), e.getMessage());
    assertTrue(e.getMessage().contains(KubernetesFakes.IMAGE), e.getMessage());
  }

  @Test
  void aPodThatIsNeverScheduledTimesOutWithWhatTheSchedulerSaid() {
    kubelet = KubernetesFakes.kubelet(client, p -> new PodStatusBuilder().withPhase("Pending")
        .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
        .withMessage("0/3 nodes are available: 3 Insufficient memory.").endCondition().build());
    backend = KubernetesFakes.backend(client, Duration.ofSeconds(1));
    Spec spec = KubernetesFakes.spec("Mina");
    SandboxException e = assertThrows(SandboxException.class, () -> backend.start(spec, new RecordingScreen()));
    assertTrue(e.getMessage().contains("not running after 1 s"), e.getMessage());
    assertTrue(e.getMessage().contains("Pending; Unschedulable: 0/3 nodes are available"), e.getMessage());
  }

  /**
   * What the class server's Role allows (deploy/kubernetes/rbac.yaml) against what a class's life
   * asks of the API server, as the mock recorded it: not a verb short, and not one unused.
   */
  @Test
  void theRoleInDeployAllowsExactlyWhatTheBackendDoes() throws Exception {
    kubelet = KubernetesFakes.kubelet(client, p -> KubernetesFakes.running());
    Spec spec = KubernetesFakes.spec("Mina");
    start(spec).close();
    backend.stop(spec);
    start(spec).close();
    KubernetesFakes.setStatus(client, spec.name(), new PodStatusBuilder().withPhase("Succeeded").build());
    start(spec).close();
    backend.removeAll("k7qf2m", true);
    kubelet.close();

    java.util.regex.Pattern api = java.util.regex.Pattern.compile(
        "/api/v1/namespaces/" + NS + "/(pods|persistentvolumeclaims)(/[^/?]+)?(/[^/?]+)?(\\?.*)?");
    Map<String, java.util.Set<String>> used = new java.util.TreeMap<>();
    for (var r = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS); r != null;
        r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      var m = api.matcher(r.getPath());
      assertTrue(m.matches(), "a request outside the learners' pods and claims: " + r.getMethod() + " " + r.getPath());
      boolean named = m.group(2) != null;
      String sub = m.group(3);
      if ("/status".equals(sub)) {
        continue; // the fake kubelet's
      }
      String resource = m.group(1) + (sub == null ? "" : sub);
      String verb = switch (r.getMethod()) {
        case "GET" -> named ? "get" : r.getPath().contains("watch=true") ? "watch" : "list";
        case "POST" -> "create";
        case "DELETE" -> "delete";
        default -> r.getMethod();
      };
      used.computeIfAbsent(resource, k -> new java.util.TreeSet<>()).add(verb);
    }
    // an attach is a WebSocket GET (get), which newer API servers authorize as create as well
    used.get("pods/attach").add("create");
    Role role = client.load(java.nio.file.Files.newInputStream(KubernetesManifestsTest.DIR.resolve("rbac.yaml")))
        .items().stream().filter(Role.class::isInstance).map(Role.class::cast).findFirst().orElseThrow();
    assertEquals(KubernetesManifestsTest.verbs(role), used);
  }

  /** No cluster: the class server says so within seconds (the client's own retries took 20 s here). */
  @Test
  void withoutAClusterConnectSaysSoSoon() {
    Map<String, String> props = Map.of("kubernetes.auth.tryKubeConfig", "false",
        "kubernetes.auth.tryServiceAccount", "false", "kubernetes.master", "https://127.0.0.1:1");
    props.forEach(System::setProperty);
    try {
      long t0 = System.nanoTime();
      SandboxException e = assertThrows(SandboxException.class, () -> KubernetesBackend.connect("shellcamp", "ns1"));
      double took = (System.nanoTime() - t0) / 1e9;
      assertTrue(took < 8, "took " + took + " s");
      assertTrue(e.getMessage().startsWith("cannot list pods in the namespace ns1 at https://127.0.0.1:1"),
          e.getMessage());
      assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void theTutorReachesTheClassServiceUnlessTheUrlIsGiven() {
    assertEquals("http://shellcamp-class.class-ns.svc:8700", backend.tutorUrl(8700));
    KubernetesBackend given = new KubernetesBackend(client, NS, KubernetesFakes.IMAGE, "http://10.0.0.5:9000",
        KubernetesBackend.STORAGE, Duration.ofSeconds(1));
    assertEquals("http://10.0.0.5:9000", given.tutorUrl(8700));
    assertFalse(backend.kind().isEmpty());
  }
}

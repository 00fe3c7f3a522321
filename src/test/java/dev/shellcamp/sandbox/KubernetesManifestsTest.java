package dev.shellcamp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * deploy/kubernetes/ as fabric8's client reads it (the same parsing kubectl's objects go through
 * on their way to an API server): {@code kubectl --dry-run=client} needs a cluster even so, and none
 * is here. Checks that the class server runs limited and non-root, and that its Role reaches only
 * learners' pods and claims in its own namespace.
 */
@ExtendWith(KubernetesFakes.Quiet.class)
@EnableKubernetesMockClient
class KubernetesManifestsTest {
  static final Path DIR = Path.of("deploy/kubernetes");
  static final String NS = "shellcamp";
  /** Every verb the backend uses, by resource: what {@link KubernetesBackend} calls, and not one more. */
  static final Map<String, Set<String>> NEEDED = Map.of(
      "pods", Set.of("get", "list", "watch", "create", "delete"),
      "pods/attach", Set.of("get", "create"),
      "persistentvolumeclaims", Set.of("get", "list", "create", "delete"));

  KubernetesClient client;
  List<HasMetadata> all;

  @BeforeEach
  void load() throws IOException {
    all = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          all.addAll(client.load(in).items());
        }
      }
    }
  }

  private <T extends HasMetadata> List<T> all(Class<T> kind) {
    return all.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private <T extends HasMetadata> T one(Class<T> kind) {
    List<T> found = all(kind);
    assertEquals(1, found.size(), "one " + kind.getSimpleName() + " in deploy/kubernetes, found " + found.size());
    return found.get(0);
  }

  static Map<String, Set<String>> verbs(Role role) {
    Map<String, Set<String>> by = new TreeMap<>();
    for (PolicyRule r : role.getRules()) {
      assertEquals(List.of(""), r.getApiGroups(), "only the core API group");
      assertTrue(r.getNonResourceURLs().isEmpty());
      for (String res : r.getResources()) {
        by.computeIfAbsent(res, k -> new TreeSet<>()).addAll(r.getVerbs());
      }
    }
    return by;
  }

  @Test
  void everythingIsInOneNamespaceAndNothingIsClusterWide() {
    Set<String> kinds = new TreeSet<>();
    for (HasMetadata o : all) {
      kinds.add(o.getKind());
      if (!o.getKind().equals("Namespace")) {
        assertEquals(NS, o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName());
      }
    }
    assertEquals(new TreeSet<>(List.of("Deployment", "Namespace", "NetworkPolicy", "PersistentVolumeClaim", "Role",
        "RoleBinding", "Service", "ServiceAccount")), kinds);
  }

  @Test
  void theRoleAllowsOnlyLearnersPodsTheirAttachAndTheirClaims() {
    Role role = one(Role.class);
    Map<String, Set<String>> by = verbs(role);
    assertEquals(new TreeMap<>(NEEDED), by);
    by.values().forEach(v -> assertFalse(v.contains("*"), "a wildcard verb"));
    role.getRules().forEach(r -> assertTrue(r.getResourceNames().isEmpty()));

    RoleBinding binding = one(RoleBinding.class);
    assertEquals("Role", binding.getRoleRef().getKind());
    assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
    assertEquals(1, binding.getSubjects().size());
    var subject = binding.getSubjects().get(0);
    assertEquals("ServiceAccount", subject.getKind());
    assertEquals(NS, subject.getNamespace());
    assertEquals(one(ServiceAccount.class).getMetadata().getName(), subject.getName());
    assertEquals(subject.getName(), one(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName());
  }

  @Test
  void theClassServerRunsLimitedAndNonRoot() {
    PodSpec pod = one(Deployment.class).getSpec().getTemplate().getSpec();
    assertEquals(true, pod.getSecurityContext().getRunAsNonRoot());
    assertTrue(pod.getSecurityContext().getRunAsUser() > 0);
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    assertEquals(1, pod.getContainers().size());
    Container c = pod.getContainers().get(0);
    for (String r : List.of("cpu", "memory")) {
      assertNotNull(c.getResources().getLimits().get(r), "no " + r + " limit");
      assertNotNull(c.getResources().getRequests().get(r), "no " + r + " request");
    }
    assertEquals(false, c.getSecurityContext().getAllowPrivilegeEscalation());
    assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
    assertTrue(c.getSecurityContext().getRunAsUser() == null || c.getSecurityContext().getRunAsUser() > 0);

    String args = String.join(" ", c.getArgs());
    assertTrue(args.startsWith("class serve "), args);
    assertTrue(args.contains("--sandbox kubernetes"), args);
    assertTrue(args.contains("--host 0.0.0.0"), args);
    // the pods go where the Role reaches: the server's own namespace, from the downward API
    assertTrue(args.contains("--namespace $(POD_NAMESPACE)"), args);
    var ns = c.getEnv().stream().filter(e -> e.getName().equals("POD_NAMESPACE")).findFirst().orElseThrow();
    assertEquals("metadata.namespace", ns.getValueFrom().getFieldRef().getFieldPath());
  }

  @Test
  void theServiceIsTheOneTheLearnersPodsAreGiven() {
    Deployment d = one(Deployment.class);
    Service s = one(Service.class);
    assertEquals(KubernetesBackend.SERVICE, s.getMetadata().getName());
    assertEquals(d.getSpec().getTemplate().getMetadata().getLabels(), s.getSpec().getSelector());
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    int port = Integer.parseInt(c.getArgs().get(c.getArgs().indexOf("--port") + 1));
    // tutorUrl names the server's own port: the Service must answer on the same one
    assertEquals(port, s.getSpec().getPorts().get(0).getPort());
    assertEquals(port, c.getPorts().get(0).getContainerPort());
    assertEquals("http://shellcamp-class.shellcamp.svc:" + port,
        new KubernetesBackend(client, NS, "x", null, "1Gi", java.time.Duration.ofSeconds(1)).tutorUrl(port));
  }

  @Test
  void learnersPodsTakeNoConnectionsAndTheServerIsNotOneOfThem() {
    NetworkPolicy p = one(NetworkPolicy.class);
    var selector = p.getSpec().getPodSelector().getMatchExpressions();
    assertEquals(1, selector.size());
    assertEquals(Spec.CLASS_LABEL, selector.get(0).getKey());
    assertEquals("Exists", selector.get(0).getOperator());
    assertEquals(List.of("Ingress"), p.getSpec().getPolicyTypes());
    assertTrue(p.getSpec().getIngress().isEmpty(), "ingress rules let something in");
    assertNull(one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels().get(Spec.CLASS_LABEL));
  }
}

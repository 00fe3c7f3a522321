package dev.shellcamp.sandbox;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A learner's pod and its claim, as {@link KubernetesBackend} makes them: the same limits and
 * hardening as a Docker sandbox, in the terms of a pod spec. Pids are the exception: a pod spec has
 * no pids limit; the kubelet's {@code podPidsLimit} sets one for every pod of a node.
 */
final class KubernetesPods {
  /** The one container's name: attach names it, so a sidecar added by a mutating webhook is never the one attached. */
  static final String CONTAINER = "tutor";
  static final long UID = 1000;
  /** As Docker's stop timeout: a culled tutor has 5 s to end, then it is killed. */
  static final long GRACE_SECONDS = 5;

  private KubernetesPods() {
  }

  static Pod pod(Spec spec, String image) {
    Limits l = spec.limits();
    long milliCpus = Math.max(1, Math.round(l.cpus() * 1000));
    Quantity memory = new Quantity(l.memoryMiB() + "Mi");
    // memory is asked for in full (running short of it kills the tutor), CPU a quarter: a class
    // of 30 mostly reads and types, and reserving 30 whole CPUs would leave most pods unscheduled
    Map<String, Quantity> requests = Map.of("cpu", new Quantity(Math.max(1, milliCpus / 4) + "m"), "memory", memory);
    Map<String, Quantity> limits = Map.of("cpu", new Quantity(milliCpus + "m"), "memory", memory);
    return new PodBuilder()
        .withNewMetadata().withName(spec.name()).withLabels(spec.labels()).endMetadata()
        .withNewSpec()
          .withRestartPolicy("Never")
          .withAutomountServiceAccountToken(false)
          .withEnableServiceLinks(false)
          .withTerminationGracePeriodSeconds(GRACE_SECONDS)
          .withNewSecurityContext()
            .withRunAsNonRoot(true).withRunAsUser(UID).withRunAsGroup(UID).withFsGroup(UID)
            .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
          .endSecurityContext()
          .withContainers(new ContainerBuilder()
              .withName(CONTAINER)
              .withImage(image)
              // a class's image is pulled once per node, and one built into a local cluster (kind, minikube) never
              .withImagePullPolicy("IfNotPresent")
              .withStdin(true).withTty(true)
              .withWorkingDir(DockerBackend.HOME)
              .withEnv(env(spec))
              .withResources(new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build())
              .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withCapabilities(new Capabilities(null, List.of("ALL")))
              .endSecurityContext()
              .addNewVolumeMount().withName("home").withMountPath(DockerBackend.HOME).endVolumeMount()
              .build())
          .addNewVolume().withName("home")
            .withNewPersistentVolumeClaim().withClaimName(spec.name()).endPersistentVolumeClaim()
          .endVolume()
        .endSpec()
        .build();
  }

  /** The tutor's environment: the sandbox's own, then the class's (its link among it), one entry a name. */
  private static List<EnvVar> env(Spec spec) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("HOME", DockerBackend.HOME);
    all.put("SHELLCAMP_SANDBOX", "kubernetes");
    all.put("LANG", "C.UTF-8");
    all.put("TERM", "xterm-256color");
    all.putAll(new TreeMap<>(spec.env()));
    List<EnvVar> env = new ArrayList<>();
    all.forEach((k, v) -> env.add(new EnvVar(k, v, null)));
    return env;
  }

  static PersistentVolumeClaim claim(Spec spec, String size) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(spec.name()).withLabels(spec.labels()).endMetadata()
        .withNewSpec()
          .withAccessModes("ReadWriteOnce")
          .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources()
        .endSpec()
        .build();
  }
}

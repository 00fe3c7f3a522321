package dev.shellcamp.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a learner's pod's status tells the backend: ready to attach, failed for good, or still on its way (and why). */
final class PodState {
  /**
   * Waiting reasons the kubelet will not get past without someone acting (a wrong image name, a
   * registry that refuses, a bad spec): waiting out the start timeout on them only hides the cause.
   */
  static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
      "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

  private PodState() {
  }

  static boolean ready(Pod p) {
    PodStatus s = p.getStatus();
    return s != null && "Running".equals(s.getPhase()) && s.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The tutor ended (restartPolicy Never), or the pod is on its way out: it must be made anew. */
  static boolean over(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return p.getMetadata().getDeletionTimestamp() != null || "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /** Why the pod will not start without help, or null while it still may. */
  static String hopeless(Pod p) {
    PodStatus s = p.getStatus();
    if (s == null) {
      return null;
    }
    if ("Failed".equals(s.getPhase()) || "Succeeded".equals(s.getPhase())) {
      return describe(p);
    }
    for (ContainerStatus c : s.getContainerStatuses()) {
      ContainerStateWaiting w = c.getState() == null ? null : c.getState().getWaiting();
      if (w != null && HOPELESS.contains(w.getReason())) {
        return describe(p);
      }
    }
    return null;
  }

  /** The status in a line for the instructor's log: phase, then each reason Kubernetes gave. */
  static String describe(Pod p) {
    PodStatus s = p.getStatus();
    if (s == null) {
      return "no status yet";
    }
    List<String> why = new ArrayList<>();
    why.add(s.getPhase() == null ? "no phase" : s.getPhase());
    add(why, s.getReason(), s.getMessage());
    for (PodCondition c : s.getConditions()) {
      if (!"True".equals(c.getStatus())) {
        add(why, c.getReason(), c.getMessage());
      }
    }
    for (ContainerStatus c : s.getContainerStatuses()) {
      if (c.getState() != null && c.getState().getWaiting() != null) {
        add(why, c.getState().getWaiting().getReason(), c.getState().getWaiting().getMessage());
      } else if (c.getState() != null && c.getState().getTerminated() != null) {
        add(why, c.getState().getTerminated().getReason(), c.getState().getTerminated().getMessage());
      }
    }
    return String.join("; ", why);
  }

  private static void add(List<String> why, String reason, String message) {
    if (reason != null && !reason.isEmpty()) {
      why.add(message == null || message.isEmpty() ? reason : reason + ": " + message);
    }
  }
}

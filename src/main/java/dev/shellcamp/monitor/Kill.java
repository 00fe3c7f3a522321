package dev.shellcamp.monitor;

import dev.shellcamp.ui.Messages;
import java.util.Optional;

/** `k`: SIGTERM through ProcessHandle, after the learner confirmed; the result is a line for the footer. */
final class Kill {
  private Kill() {}

  static String terminate(long pid, Messages m) {
    if (pid == ProcessHandle.current().pid()) {
      return m.get("monitor.kill-self");
    }
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return m.get("monitor.kill-gone", pid);
    }
    // false: the kernel said no (another user's process); ProcessHandle does not say more
    return h.get().destroy() ? m.get("monitor.killed", pid) : m.get("monitor.kill-denied", pid);
  }
}

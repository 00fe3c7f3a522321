package dev.shellcamp.lab.server;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.thread.Scheduler;

/** What every request of one lab server shares: its limits, its guard and timers, the in-flight count, draining. */
final class ServerState {
  final LabLimits limits;
  final ConnectionGuard guard;
  final Scheduler scheduler;
  /** Requests whose headers are in and whose answer is not yet sent (and body not yet dropped). */
  final AtomicLong inFlight = new AtomicLong();
  /** Stopping: /v2/health/ready says 503 and every answer closes its connection. */
  volatile boolean draining;

  ServerState(LabLimits limits, Scheduler scheduler) {
    this.limits = limits;
    this.scheduler = scheduler;
    this.guard = new ConnectionGuard(limits, scheduler);
  }
}

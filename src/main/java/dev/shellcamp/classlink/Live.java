package dev.shellcamp.classlink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The parts of a class link that exist while joined: the link's state, the queue, the inbox and the thread. */
final class Live {
  final LinkState link;
  final EventQueue queue;
  final Inbox inbox = new Inbox();
  final IdleWatch idle;
  final Sender sender;

  private Live(LinkState link, EventQueue queue, Timing timing, ClassApi api) {
    this.link = link;
    this.queue = queue;
    this.idle = new IdleWatch(timing.idleAfter());
    this.sender = new Sender(api, queue, inbox, idle, link, timing);
  }

  /** Opens the queue in {@code dir} and starts sending it for {@code link}. */
  static Live start(Path dir, LinkFile file, ClassLink link, Timing timing, ClassApi api) throws IOException {
    Live l = new Live(new LinkState(file, link), EventQueue.open(dir, timing.bound()), timing, api);
    l.sender.start();
    return l;
  }

  /** Whether events are still worth queueing: not after the server refused the link. */
  boolean open() {
    return !link.revoked();
  }

  /** Stops after at most {@code flush} of sending; returns the events left unsent. */
  int end(Duration flush) throws IOException {
    sender.flush(flush);
    sender.stop();
    queue.close();
    return queue.unsent();
  }

  ClassConnection.Status status() {
    ClassLink l = link.get();
    return new ClassConnection.Status(l.url(), l.name(), queue.unsent(), queue.dropped(), sender.problem(),
        link.revoked());
  }
}

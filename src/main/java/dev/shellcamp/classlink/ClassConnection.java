package dev.shellcamp.classlink;

import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tutor's class link under {@code DATA_HOME/class}: joining, leaving, and while joined the
 * queue and its sender. Not joined, every event is dropped at once, and no thread or HTTP
 * client exists.
 */
public final class ClassConnection implements ClassEvents, AutoCloseable {
  /** What {@code :class} shows. {@code problem} is why the server was last not reached, or null. */
  public record Status(String url, String name, int unsent, long dropped, String problem, boolean revoked) {}

  private final Path dir;
  private final Timing timing;
  private final LinkFile linkFile;
  private final ClassApi api = new ClassApi();
  private final LinkFile.Loaded loaded;
  /** Why a saved link could not be used at start (its queue would not open), or null. */
  private String startFailure;
  private volatile Live live;

  private ClassConnection(Path dir, Timing timing) {
    this.dir = dir;
    this.timing = timing;
    this.linkFile = new LinkFile(dir);
    this.loaded = linkFile.load();
  }

  /** The link under {@code dataHome}; when there is one, its sender starts. */
  public static ClassConnection open(Path dataHome) {
    return open(dataHome, Timing.STANDARD);
  }

  static ClassConnection open(Path dataHome, Timing timing) {
    ClassConnection c = new ClassConnection(dataHome.resolve("class"), timing);
    if (c.loaded.link() != null) {
      try {
        c.live = Live.start(c.dir, c.linkFile, c.loaded.link(), timing, c.api);
      } catch (IOException | RuntimeException e) {
        c.startFailure = String.valueOf(e.getMessage());
      }
    }
    return c;
  }

  public Optional<ClassLink> link() {
    Live l = live;
    return l == null ? Optional.empty() : Optional.of(l.link.get());
  }

  /** A saved link that could not be used at start, said in {@code m}'s language; or null. */
  public String startupWarning(Messages m) {
    if (startFailure != null) {
      return m.get("class.queue-failed", dir, startFailure);
    }
    return loaded.why() == null ? null : m.get("class.link-corrupt", loaded.aside(), loaded.why());
  }

  /**
   * Joins the class at {@code url}. Already joined there (under that name, if one is given),
   * the link is kept as it is; a {@code name} left out is the link's. Joining anew starts the
   * queue afresh: seq is per learner, and a new join is a new learner.
   */
  public ClassLink join(String url, String code, String name, String lang, Messages m) throws JoinFailure {
    String u = Joining.normalize(url, m);
    Live l = live;
    String who = name != null && !name.isBlank() ? name.strip() : l == null ? null : l.link.get().name();
    if (l != null && l.open() && l.link.get().url().equals(u) && l.link.get().name().equals(who)) {
      return l.link.get();
    }
    if (who == null) {
      throw new JoinFailure(m.get("class.join.no-name"));
    }
    if (code == null || code.isBlank()) {
      throw new JoinFailure(m.get("class.join.no-code", u));
    }
    ClassLink joined = Joining.join(api, u, code.strip(), who, lang, m);
    if (joined.name().isEmpty()) {
      joined = new ClassLink(u, joined.learner(), joined.secret(), who, 0);
    }
    return switchTo(joined, m);
  }

  /** Starts anew with {@code link}: seq is per learner, so the old queue goes with the old link. */
  private ClassLink switchTo(ClassLink link, Messages m) throws JoinFailure {
    try {
      end(Duration.ofSeconds(1));
      forgetQueue();
      linkFile.save(link);
      live = Live.start(dir, linkFile, link, timing, api);
    } catch (IOException e) {
      throw new JoinFailure(m.get("class.join.unsaved", linkFile.path(), e.getMessage()));
    }
    emit(EventType.JOINED, null);
    return link;
  }

  /**
   * Takes the link a class server gave this tutor's sandbox ({@code SHELLCAMP_CLASS_LINK}, the
   * JSON of link.json): the server enrolled the learner already, so there is nothing to join. The
   * same link already saved keeps its queue and last note; another one replaces it.
   */
  public ClassLink adopt(String json, Messages m) throws JoinFailure {
    ClassLink given;
    try {
      given = LinkFile.parse(json);
    } catch (IOException e) {
      throw new JoinFailure(m.get("class.sandbox.bad-link", e.getMessage()));
    }
    Live l = live;
    if (l != null && l.link.get().learner().equals(given.learner()) && l.link.get().url().equals(given.url())) {
      return l.link.get();
    }
    return switchTo(given, m);
  }

  /**
   * Leaves the class: says so to the server (waiting a moment for it), then forgets the link
   * and its queue. Returns how many events never reached the server.
   */
  public int leave() throws IOException {
    if (live == null) {
      return 0;
    }
    emit(EventType.LEFT, null);
    int unsent = end(Duration.ofSeconds(2));
    linkFile.delete();
    forgetQueue();
    return unsent;
  }

  private void forgetQueue() throws IOException {
    for (String f : List.of("queue.jsonl", "acked")) {
      Files.deleteIfExists(dir.resolve(f));
    }
  }

  private int end(Duration flush) throws IOException {
    Live l = live;
    live = null;
    return l == null ? 0 : l.end(flush);
  }

  public Optional<Status> status() {
    Live l = live;
    return l == null ? Optional.empty() : Optional.of(l.status());
  }

  @Override
  public boolean joined() {
    Live l = live;
    return l != null && l.open();
  }

  @Override
  public void emit(EventType type, Where where) {
    Live l = live;
    if (l != null && l.open()) {
      l.queue.append(ClassEvent.of(type, where));
    }
  }

  @Override
  public void checkFailed(Where where, Map<String, String> reason) {
    Live l = live;
    if (l != null && l.open()) {
      l.queue.append(ClassEvent.failed(where, reason));
    }
  }

  @Override
  public void lineEntered() {
    Live l = live;
    if (l != null) {
      l.idle.lineEntered();
    }
  }

  @Override
  public List<Note> takeNotes() {
    Live l = live;
    return l == null ? List.of() : l.inbox.takeNotes();
  }

  @Override
  public List<String> takeNotices(Messages m) {
    Live l = live;
    return l == null ? List.of() : l.inbox.takeNotices().stream().map(n -> m.get(n.key(), n.args())).toList();
  }

  /** On the way out: a moment for the last events (left) to reach a server that answers, then stop. */
  @Override
  public void close() {
    try {
      end(Duration.ofSeconds(1));
    } catch (IOException e) {
      // the queue is on disk; it is sent at the next start
    }
  }
}

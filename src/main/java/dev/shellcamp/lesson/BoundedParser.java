package dev.shellcamp.lesson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Sits between snakeyaml's parser and its composer and stops a document as soon as it crosses
 * a {@link YamlLimits} bound, before the composer (which recurses per level) or our conversion
 * (which copies every alias) can run away. Each alias is charged the expanded size of what it
 * names, so the count is the size of the tree we would build, found in one pass over the events.
 */
final class BoundedParser implements Parser {
  /** A bound crossed, with the 1-based line of the event that crossed it. */
  static final class Exceeded extends RuntimeException {
    final int line;

    Exceeded(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private record Open(String anchor, long startCount) {}

  /** Marks an anchor whose collection is still open: an alias to it would contain itself. */
  private static final long OPEN = -1;

  private final Parser inner;
  private final YamlLimits limits;
  private final Deque<Open> open = new ArrayDeque<>();
  private final Map<String, Long> sizes = new HashMap<>();
  private long nodes;

  BoundedParser(Parser inner, YamlLimits limits) {
    this.inner = inner;
    this.limits = limits;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return inner.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return inner.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public Event next() {
    Event e = inner.next();
    switch (e.getEventId()) {
      case Scalar -> scalar((ScalarEvent) e);
      case SequenceStart, MappingStart -> start((CollectionStartEvent) e);
      case SequenceEnd, MappingEnd -> end();
      case Alias -> alias((AliasEvent) e);
      default -> {
        // stream and document markers and comments build no nodes
      }
    }
    return e;
  }

  private void scalar(ScalarEvent e) {
    if (e.getValue().length() > limits.maxScalar()) {
      throw new Exceeded("a value longer than " + limits.maxScalar() + " characters", line(e));
    }
    count(1, e);
    e.getAnchor().ifPresent(a -> sizes.put(a.getValue(), 1L));
  }

  private void start(CollectionStartEvent e) {
    if (open.size() >= limits.maxDepth()) {
      throw new Exceeded("nested deeper than " + limits.maxDepth() + " levels", line(e));
    }
    count(1, e);
    String anchor = e.getAnchor().map(Anchor::getValue).orElse(null);
    if (anchor != null) {
      sizes.put(anchor, OPEN);
    }
    open.push(new Open(anchor, nodes - 1));
  }

  private void end() {
    Open o = open.pop();
    if (o.anchor() != null) {
      sizes.put(o.anchor(), nodes - o.startCount());
    }
  }

  private void alias(AliasEvent e) {
    String a = e.getAlias().getValue();
    long size = sizes.getOrDefault(a, 1L);
    if (size == OPEN) {
      throw new Exceeded("recursive alias *" + a + " refers to a collection that contains it", line(e));
    }
    count(size, e);
  }

  private void count(long n, Event e) {
    nodes += n;
    if (nodes > limits.maxNodes()) {
      throw new Exceeded("more than " + limits.maxNodes() + " values once aliases are expanded", line(e));
    }
  }

  private static int line(Event e) {
    return e.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }
}

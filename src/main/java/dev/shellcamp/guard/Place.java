package dev.shellcamp.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Where a path lands on the real file system once symbolic links are followed as the kernel
 * follows them (every one but the last component, which only a trailing slash follows), and
 * whether that is inside the workspace. Links the line itself makes first (ln -s) count too.
 */
final class Place {
  enum Where { INSIDE, HOME, OUTSIDE }

  private static final int MAX_LINKS = 40;

  private final Map<Path, String> madeLinks;
  private final Path home;

  Place(Path workspace, Map<Path, String> madeLinks) {
    this.madeLinks = madeLinks;
    this.home = physical(workspace.toAbsolutePath(), true);
  }

  Path home() {
    return home;
  }

  Path physical(Path abs, boolean followLast) {
    Path cur = abs.getRoot();
    Deque<String> rest = new ArrayDeque<>();
    abs.forEach(part -> rest.addLast(part.toString()));
    int hops = 0;
    while (!rest.isEmpty()) {
      String name = rest.removeFirst();
      if (name.equals(".") || name.isEmpty()) {
        continue;
      }
      if (name.equals("..")) {
        cur = cur.getParent() == null ? cur : cur.getParent();
        continue;
      }
      Path next = cur.resolve(name);
      String target = rest.isEmpty() && !followLast || hops >= MAX_LINKS ? null : linkTarget(next);
      if (target == null) {
        cur = next;
        continue;
      }
      hops++;
      Path to;
      try {
        to = Path.of(target);
      } catch (InvalidPathException e) {
        cur = next;
        continue;
      }
      if (to.isAbsolute()) {
        cur = to.getRoot();
      }
      Deque<String> parts = new ArrayDeque<>();
      to.forEach(part -> parts.addLast(part.toString()));
      parts.descendingIterator().forEachRemaining(rest::addFirst);
    }
    return cur;
  }

  Where where(Path physical) {
    return physical.equals(home) ? Where.HOME : physical.startsWith(home) ? Where.INSIDE : Where.OUTSIDE;
  }

  /** The path as the learner knows it: "~" for the lesson home. */
  String shown(Path physical) {
    return physical.equals(home) ? "~" : physical.startsWith(home) ? "~/" + home.relativize(physical) : physical.toString();
  }

  void madeLink(Path at, String target) {
    madeLinks.put(at, target);
  }

  private String linkTarget(Path p) {
    String made = madeLinks.get(p);
    if (made != null) {
      return made;
    }
    try {
      return Files.isSymbolicLink(p) ? Files.readSymbolicLink(p).toString() : null;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }
}

package dev.shellcamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.InfoCmp;

/**
 * JLine asks {@code infocmp -x $TERM} for the terminal's capabilities at every start, a fork and
 * exec on the way to the first prompt. The answer is kept under the data home beside the stamp
 * (path, size, mtime) of the compiled terminfo entry it came from, and handed to JLine up front;
 * a changed entry, or $TERMINFO/$TERMINFO_DIRS (whose search we do not copy), means asking again.
 */
record TermInfo(Path dir, String term, String stamp) {

  /** The cache for this process's $TERM, or null where it cannot be kept safely. */
  static TermInfo of(Path dir) {
    String term = System.getenv("TERM");
    if (term == null || term.isEmpty() || !term.matches("[A-Za-z0-9._+-]+") || System.getenv("TERMINFO") != null
        || System.getenv("TERMINFO_DIRS") != null) {
      return null;
    }
    String stamp = stamp(term);
    return stamp == null ? null : new TermInfo(dir, term, stamp);
  }

  /** Gives JLine the kept capabilities; false when there are none (JLine then runs infocmp). */
  boolean preload() {
    try {
      String kept = Files.readString(file(), StandardCharsets.UTF_8);
      int nl = kept.indexOf('\n');
      if (nl < 0 || !kept.substring(0, nl).equals(stamp)) {
        return false;
      }
      InfoCmp.setLoadedInfoCmp(term, kept.substring(nl + 1));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Keeps what JLine found for next time; failing to is harmless. */
  void keep() {
    try {
      String caps = InfoCmp.getLoadedInfoCmp(term);
      if (caps == null || caps.isEmpty()) {
        return;
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, term, ".tmp");
      try {
        Files.writeString(tmp, stamp + "\n" + caps, StandardCharsets.UTF_8);
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // the next start asks infocmp again
    }
  }

  private Path file() {
    return dir.resolve(term);
  }

  /** ncurses' default search: ~/.terminfo, then the system folders, by first letter and by its hex. */
  private static String stamp(String term) {
    List<Path> roots = new ArrayList<>();
    String home = System.getProperty("user.home");
    if (home != null) {
      roots.add(Path.of(home, ".terminfo"));
    }
    roots.add(Path.of("/etc/terminfo"));
    roots.add(Path.of("/lib/terminfo"));
    roots.add(Path.of("/usr/share/terminfo"));
    String first = term.substring(0, 1);
    String hex = Integer.toHexString(term.charAt(0));
    for (Path root : roots) {
      for (String sub : new String[] {first, hex}) {
        Path p = root.resolve(sub).resolve(term);
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          return p + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
          // not in this folder
        }
      }
    }
    return null;
  }
}

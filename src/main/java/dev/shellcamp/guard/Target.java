package dev.shellcamp.guard;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What one argument of a destructive program would act on: the physical path (for a glob, the
 * directory it lists) and where that is. {@code path} is null when the argument cannot be known.
 * {@code dotLast}: the name ends in . or .., which rm refuses to remove.
 */
record Target(Field field, Path path, Place.Where where, String shown, boolean dotLast) {
  boolean unknown() {
    return path == null;
  }

  /** Null for an empty argument, which names nothing. */
  static Target of(Field f, Scope s) {
    if (f.unknown()) {
      return new Target(f, null, null, f.raw() == null ? "" : f.raw(), false);
    }
    String text = f.text();
    if (text.isEmpty()) {
      return null;
    }
    Path base = text.startsWith("/") ? Path.of("/") : s.physicalCwd();
    if (base == null) {
      return new Target(f, null, null, f.raw() == null ? text : f.raw(), false);
    }
    try {
      if (f.glob() >= 0) {
        int slash = text.lastIndexOf('/', f.glob());
        Path dir = s.place.physical(base.resolve(text.substring(0, slash + 1)), true);
        // the matches are inside the directory listed: the lesson home's own entries are fine
        Place.Where w = s.place.where(dir) == Place.Where.OUTSIDE ? Place.Where.OUTSIDE : Place.Where.INSIDE;
        String shown = s.place.shown(dir);
        return new Target(f, dir, w, (shown.endsWith("/") ? shown : shown + "/") + text.substring(slash + 1), false);
      }
      boolean follow = text.endsWith("/") || text.endsWith("/.");
      Path path = s.place.physical(base.resolve(text), follow);
      String last = text.replaceFirst("/+$", "");
      last = last.substring(last.lastIndexOf('/') + 1);
      return new Target(f, path, s.place.where(path), s.place.shown(path), last.equals(".") || last.equals(".."));
    } catch (InvalidPathException e) {
      return new Target(f, null, null, text, false);
    }
  }

  /** The typed word, when it reads differently from the path shown. */
  String from() {
    String raw = field.raw();
    return raw == null || path == null || Expander.unquote(raw).equals(shown) ? "" : raw;
  }
}

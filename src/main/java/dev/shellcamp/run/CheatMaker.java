package dev.shellcamp.run;

import dev.shellcamp.lesson.CheatKind;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the cheats verify tries on every step besides the author's own: each fakes what a check
 * looks at (the output, the files, the mode, the typed line) from what the reference solution
 * did in a scratch run, without doing the step's work. One that passes shows a check too weak.
 */
final class CheatMaker {
  /** A generated cheat: its kind and the input typed for it. */
  record Cheat(CheatKind kind, String input) {}

  private static final String ANSWER_FILE = "answer.txt";

  private CheatMaker() {}

  static List<Cheat> make(Step step, Reference ref) {
    List<Cheat> cheats = new ArrayList<>();
    for (CheatKind kind : CheatKind.values()) {
      if (!kind.appliesTo(step)) {
        continue;
      }
      String input = switch (kind) {
        case ECHO_OUTPUT -> echo(step);
        case REPLAY_OUTPUT -> replay(ref);
        case CAT_ANSWER -> "printf '%s' " + quote(ref.output()) + " > " + ANSWER_FILE + "\ncat " + ANSWER_FILE;
        case TOUCH_FILES -> touch(step, ref);
        case WRITE_FILES -> write(ref, ref.files().keySet());
        case CHMOD_777 -> chmod(step, ref);
        case TYPED_COMMENT -> typedComment(step, ref);
      };
      if (input != null && !input.isBlank()) {
        cheats.add(new Cheat(kind, input));
      }
    }
    return cheats;
  }

  private static String echo(Step step) {
    List<String> texts = new ArrayList<>();
    for (CheckSpec c : step.checks()) {
      if (!CheatKind.namesOutputText(c)) {
        continue;
      }
      if (c.has("lines")) {
        texts.addAll(c.strings("lines"));
      } else {
        texts.add(c.has("equals") ? c.string("equals") : c.string("contains"));
      }
    }
    StringBuilder b = new StringBuilder("printf '%s\\n'");
    texts.forEach(t -> b.append(' ').append(quote(t)));
    return b.toString();
  }

  private static String replay(Reference ref) {
    return "printf '%s' " + quote(ref.output()) + (ref.exitCode() != 0 ? "; (exit " + ref.exitCode() + ")" : "");
  }

  /** The files the file checks name and those the reference wrote, made empty (or only touched). */
  private static String touch(Step step, Reference ref) {
    Set<String> paths = new LinkedHashSet<>(checkedPaths(step, false));
    paths.addAll(ref.files().keySet());
    if (paths.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(mkdirs(paths)).append("touch");
    paths.forEach(p -> b.append(' ').append(quote(p)));
    return b.toString();
  }

  private static String write(Reference ref, Set<String> paths) {
    StringBuilder b = new StringBuilder();
    List<String> written = paths.stream().filter(ref.files()::containsKey).toList();
    if (written.isEmpty()) {
      return null;
    }
    b.append(mkdirs(written));
    for (String p : written) {
      b.append("printf '%s' ").append(quote(ref.files().get(p))).append(" > ").append(quote(p)).append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** chmod 777 on the files whose mode is checked; those the step creates are first written as the reference left them. */
  private static String chmod(Step step, Reference ref) {
    List<String> paths = checkedPaths(step, true);
    if (paths.isEmpty()) {
      return null;
    }
    Set<String> created = new LinkedHashSet<>();
    paths.stream().filter(p -> !ref.before().contains(p)).forEach(created::add);
    String first = write(ref, created);
    StringBuilder b = new StringBuilder(first == null ? "" : first + "\n").append("chmod 777");
    paths.forEach(p -> b.append(' ').append(quote(p)));
    return b.toString();
  }

  /** Everything faked at once, with the reference solution there as comments, which run nothing. */
  private static String typedComment(Step step, Reference ref) {
    StringBuilder b = new StringBuilder();
    step.solve().strip().lines().forEach(l -> b.append("# ").append(l).append('\n'));
    if (CheatKind.WRITE_FILES.appliesTo(step)) {
      String w = write(ref, ref.files().keySet());
      if (w != null) {
        b.append(w).append('\n');
      }
    }
    if (CheatKind.REPLAY_OUTPUT.appliesTo(step)) {
      b.append(replay(ref)).append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** Workspace-relative paths of the step's file checks; with {@code modeOnly}, those whose mode is checked. */
  private static List<String> checkedPaths(Step step, boolean modeOnly) {
    List<String> paths = new ArrayList<>();
    for (CheckSpec c : step.checks()) {
      if (!c.type().equals("file") || c.flag("absent") || modeOnly && !(c.has("mode") || c.flag("executable"))) {
        continue;
      }
      String p = c.string("path").replaceFirst("^~/", "");
      if (!p.startsWith("/") && !p.equals("~") && !paths.contains(p)) {
        paths.add(p);
      }
    }
    return paths;
  }

  private static String mkdirs(Iterable<String> paths) {
    Set<String> dirs = new LinkedHashSet<>();
    for (String p : paths) {
      int slash = p.lastIndexOf('/');
      if (slash > 0) {
        dirs.add(p.substring(0, slash));
      }
    }
    if (dirs.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("mkdir -p");
    dirs.forEach(d -> b.append(' ').append(quote(d)));
    return b.append('\n').toString();
  }

  /** Single-quoted for bash: every character literal, a ' closed, escaped and reopened. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** For tests and reports: a map view of kind to input. */
  static Map<CheatKind, String> byKind(List<Cheat> cheats) {
    Map<CheatKind, String> m = new java.util.EnumMap<>(CheatKind.class);
    cheats.forEach(c -> m.put(c.kind(), c.input()));
    return m;
  }
}

package dev.shellcamp.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises commands that would damage the machine beyond the lesson's workspace, so the REPL
 * can explain and ask first. It reads the line as a learner wrote it; it is a seat belt, not a
 * sandbox.
 */
final class DangerGuard {
  private static final Pattern FORK_BOMB = Pattern.compile("([\\w:.]+)\\s*\\(\\)\\s*\\{[^}]*\\1\\s*\\|\\s*\\1\\s*&");
  private static final Pattern DD_DEVICE = Pattern.compile("\\bdd\\b.*\\bof=/dev/(sd|hd|vd|nvme|xvd|mmcblk|disk)");
  private static final Pattern MKFS = Pattern.compile("(^|[;&|(\\s])(mkfs(\\.\\w+)?|mke2fs|wipefs)\\b");
  private static final Pattern REDIRECT_DEVICE = Pattern.compile(">\\s*/dev/(sd|hd|vd|nvme|xvd|mmcblk)");

  private DangerGuard() {}

  /** The message key explaining the danger, or empty when the line looks safe. */
  static Optional<String> assess(String line, Path cwd, Path workspace) {
    if (FORK_BOMB.matcher(line).find()) {
      return Optional.of("danger.forkbomb");
    }
    if (DD_DEVICE.matcher(line).find() || REDIRECT_DEVICE.matcher(line).find()) {
      return Optional.of("danger.disk");
    }
    if (MKFS.matcher(line).find()) {
      return Optional.of("danger.mkfs");
    }
    for (List<String> cmd : commands(line)) {
      if (cmd.isEmpty()) {
        continue;
      }
      int i = cmd.get(0).equals("sudo") ? 1 : 0;
      if (i >= cmd.size()) {
        continue;
      }
      String name = cmd.get(i);
      List<String> args = cmd.subList(i + 1, cmd.size());
      boolean recursive = args.stream().anyMatch(a -> a.equals("--recursive")
          || a.startsWith("-") && !a.startsWith("--") && (a.contains("r") || a.contains("R")));
      if (name.equals("rm") && recursive && targetsOutside(args, cwd, workspace)) {
        return Optional.of("danger.rm");
      }
      if ((name.equals("chmod") || name.equals("chown")) && recursive && args.stream().anyMatch(DangerGuard::isSystemRoot)) {
        return Optional.of("danger.chmod");
      }
    }
    return Optional.empty();
  }

  private static boolean targetsOutside(List<String> args, Path cwd, Path workspace) {
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      if (a.equals("~") || a.equals("~/") || a.equals("~/*") || a.matches("\\$\\{?HOME}?/?\\*?")) {
        return true;
      }
      if (isSystemRoot(a)) {
        return true;
      }
      // what the word names once globs are cut off: ".." for "../*", "/" for "/*"
      String base = a.replaceFirst("/?\\*.*$", "");
      if (base.isEmpty()) {
        base = a.startsWith("/") ? "/" : ".";
      }
      if (base.startsWith("~") || base.contains("$")) {
        continue;
      }
      Path target = cwd.resolve(base).normalize();
      if (!target.startsWith(workspace)) {
        return true;
      }
    }
    return false;
  }

  /** '/', '/*', or a top-level system folder such as /etc, /usr, /home. */
  private static boolean isSystemRoot(String a) {
    String p = a.replace("\"", "").replace("'", "");
    return p.equals("/") || p.equals("/*") || p.matches("/(bin|boot|dev|etc|home|lib\\w*|opt|proc|root|sbin|srv|sys|usr|var)/?\\*?");
  }

  /** Splits a line into simple commands at ; && || | and newlines, then into words (quotes kept simple). */
  static List<List<String>> commands(String line) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';' || c == '|' || c == '&' || c == '\n') {
        flush(w, words);
        out.add(words);
        words = new ArrayList<>();
      } else if (Character.isWhitespace(c)) {
        flush(w, words);
      } else {
        w.append(c);
      }
    }
    flush(w, words);
    out.add(words);
    return out;
  }

  private static void flush(StringBuilder w, List<String> words) {
    if (w.length() > 0) {
      words.add(w.toString());
      w.setLength(0);
    }
  }
}

package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson's prose in one language: '# Title', an intro, then '## step-id' sections, each with
 * an optional '### hints' list of staged hints, and optionally a '## messages' section of
 * '- key: text' items: what {@code run} check scripts say through {@code fail_key key}.
 */
public record LessonText(String title, String intro, Map<String, StepText> steps, Map<String, Integer> lines,
    Map<String, String> messages, Map<String, Integer> messageLines) {
  /** The heading of the messages section; no step may take this id. */
  public static final String MESSAGES = "messages";

  /** The text of one step and its staged hints. */
  public record StepText(String body, List<String> hints) {}

  static LessonText parse(Path file, String md, List<Problem> problems) {
    String title = null;
    StringBuilder intro = new StringBuilder();
    Map<String, StepText> steps = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String current = null;
    StringBuilder body = new StringBuilder();
    List<String> hints = new ArrayList<>();
    boolean inHints = false;
    boolean inMessages = false;
    boolean sawMessages = false;
    Map<String, String> messages = new LinkedHashMap<>();
    Map<String, Integer> messageLines = new LinkedHashMap<>();
    boolean fenced = false;
    String[] all = md.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].stripTrailing();
      if (line.startsWith("```") || line.startsWith("~~~")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("# ") && title == null && current == null) {
        title = line.substring(2).strip();
        continue;
      }
      if (!fenced && line.startsWith("## ")) {
        if (current != null && !inMessages) {
          steps.put(current, new StepText(body.toString().strip(), List.copyOf(hints)));
        }
        current = line.substring(3).strip();
        inMessages = current.equals(MESSAGES);
        if (inMessages) {
          if (sawMessages) {
            problems.add(new Problem(file, i + 1, "section '## messages' appears twice"));
          }
          sawMessages = true;
          continue;
        }
        if (steps.containsKey(current)) {
          problems.add(new Problem(file, i + 1, "section '## " + current + "' appears twice"));
        }
        lines.put(current, i + 1);
        body.setLength(0);
        hints.clear();
        inHints = false;
        continue;
      }
      if (!fenced && current != null && line.equals("### hints")) {
        inHints = true;
        continue;
      }
      if (inMessages) {
        message(file, i + 1, line, messages, messageLines, problems);
        continue;
      }
      if (inHints) {
        if (line.matches("\\s*[-*] .*")) {
          hints.add(line.strip().substring(2).strip());
        } else if (!line.isBlank() && !hints.isEmpty() && Character.isWhitespace(all[i].charAt(0))) {
          hints.set(hints.size() - 1, hints.get(hints.size() - 1) + " " + line.strip());
        } else if (!line.isBlank()) {
          problems.add(new Problem(file, i + 1, "only '- ' list items may follow '### hints'"));
        }
        continue;
      }
      (current == null ? intro : body).append(all[i]).append('\n');
    }
    if (current != null && !inMessages) {
      steps.put(current, new StepText(body.toString().strip(), List.copyOf(hints)));
    }
    if (title == null) {
      problems.add(new Problem(file, 1, "missing '# Title' line"));
      title = file.getParent() == null ? "?" : file.getParent().getFileName().toString();
    }
    return new LessonText(title, intro.toString().strip(), steps, lines, messages, messageLines);
  }

  /** One line under '## messages': '- key: text', where a key is lower-case words joined by '-'. */
  private static void message(Path file, int line, String text, Map<String, String> messages,
      Map<String, Integer> messageLines, List<Problem> problems) {
    if (text.isBlank()) {
      return;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*[-*] ([a-z0-9][a-z0-9-]*):\\s+(\\S.*)").matcher(text);
    if (!m.matches()) {
      problems.add(new Problem(file, line, "only '- key: text' items go under '## messages' (a key is lower-case words"
          + " joined by '-')"));
    } else if (messages.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
      problems.add(new Problem(file, line, "message '" + m.group(1) + "' is defined twice"));
    } else {
      messageLines.put(m.group(1), line);
    }
  }
}

package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson's prose in one language: '# Title', an intro, then '## step-id' sections, each with
 * an optional '### hints' list of staged hints.
 */
public record LessonText(String title, String intro, Map<String, StepText> steps, Map<String, Integer> lines) {

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
        if (current != null) {
          steps.put(current, new StepText(body.toString().strip(), List.copyOf(hints)));
        }
        current = line.substring(3).strip();
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
    if (current != null) {
      steps.put(current, new StepText(body.toString().strip(), List.copyOf(hints)));
    }
    if (title == null) {
      problems.add(new Problem(file, 1, "missing '# Title' line"));
      title = file.getParent() == null ? "?" : file.getParent().getFileName().toString();
    }
    return new LessonText(title, intro.toString().strip(), steps, lines);
  }
}

package dev.shellcamp.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code run} check needs beyond its YAML: the script a {@code {script: FILE}} form names
 * (read from the lesson folder, vars filled in as in lesson.yaml) and the lesson's messages, so
 * that {@code fail_key KEY ARGS...} can say why in the learner's language. Lint proves every key
 * a script uses is defined under '## messages' in both en.md and ko.md, and both define the same.
 */
final class RunScripts {
  /** {@code fail_key name}: the key is the first word after it, quoted or not. */
  private static final Pattern FAIL_KEY = Pattern.compile("\\bfail_key\\s+['\"]?([A-Za-z0-9_-]+)");

  private RunScripts() {}

  /** {@code run: {script: FILE}}: FILE a relative path inside the lesson folder. */
  static CheckSpec scriptForm(Path file, int line, Node arg, List<Problem> problems) {
    Map<String, Node> m = arg.map();
    Node script = m.get("script");
    if (m.size() != 1 || script == null || !script.isScalar()) {
      problems.add(new Problem(file, arg.line(), "'run' takes a bash script or {script: FILE}, a file in the lesson folder"));
      return null;
    }
    String name = script.text();
    if (name.startsWith("/") || !name.matches("[A-Za-z0-9._/-]+") || List.of(name.split("/")).contains("..")) {
      problems.add(new Problem(file, script.line(), "'run.script' must be a file in the lesson folder, such as"
          + " checks/ready.sh, not '" + name + "'"));
      return null;
    }
    return new CheckSpec("run", Map.of("script", name), line);
  }

  /** The steps with each run check's script read and the messages it may use attached. */
  static List<Step> resolve(Path dir, Path yaml, List<Step> steps, Map<String, LessonText> texts,
      Map<String, String> values, List<Problem> problems) {
    Map<String, Map<String, String>> messages = new LinkedHashMap<>();
    texts.forEach((lang, t) -> messages.put(lang, t.messages()));
    compareKeys(dir, texts, problems);
    Set<String> used = new LinkedHashSet<>();
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      List<CheckSpec> checks = new ArrayList<>();
      for (CheckSpec c : s.checks()) {
        checks.add(c.type().equals("run") ? run(dir, yaml, c, messages, values, used, problems) : c);
      }
      out.add(new Step(s.id(), s.line(), s.setup(), List.copyOf(checks), s.solve(), s.accepts(), s.cheats(), s.cleanup(),
          s.hints(), s.requires(), s.cheatsAccepted()));
    }
    LessonText en = texts.get("en");
    // a script that could not be read may use any key: calling one unused would be a guess
    boolean allRead = out.stream().flatMap(s -> s.checks().stream()).noneMatch(c -> c.has("script") && !c.has("value"));
    if (en != null && allRead) {
      en.messages().keySet().stream().filter(k -> !used.contains(k)).forEach(k -> problems.add(new Problem(
          dir.resolve("en.md"), en.messageLines().get(k), "message '" + k + "' is not used by any run check's fail_key")));
    }
    return out;
  }

  private static CheckSpec run(Path dir, Path yaml, CheckSpec c, Map<String, Map<String, String>> messages,
      Map<String, String> values, Set<String> used, List<Problem> problems) {
    Map<String, Object> args = new LinkedHashMap<>(c.args());
    if (c.has("script")) {
      Path f = dir.resolve(c.string("script"));
      try {
        args.put("value", LessonLoader.substitute(Files.readString(f, StandardCharsets.UTF_8), values));
      } catch (IOException e) {
        problems.add(new Problem(yaml, c.line(), "run script '" + c.string("script") + "' "
            + (Files.exists(f) ? "cannot be read: " + e.getMessage() : "does not exist in the lesson folder")));
        return c;
      }
    }
    Matcher m = FAIL_KEY.matcher((String) args.get("value"));
    while (m.find()) {
      String key = m.group(1);
      used.add(key);
      for (Map.Entry<String, Map<String, String>> lang : messages.entrySet()) {
        if (!lang.getValue().containsKey(key)) {
          problems.add(new Problem(yaml, c.line(), "fail_key '" + key + "' has no '- " + key + ": text' under '## "
              + LessonText.MESSAGES + "' in " + lang.getKey() + ".md"));
        }
      }
    }
    args.put("messages", Map.copyOf(messages));
    return new CheckSpec(c.type(), Map.copyOf(args), c.line());
  }

  private static void compareKeys(Path dir, Map<String, LessonText> texts, List<Problem> problems) {
    LessonText en = texts.get("en");
    LessonText ko = texts.get("ko");
    if (en == null || ko == null) {
      return;
    }
    en.messages().keySet().stream().filter(k -> !ko.messages().containsKey(k)).forEach(k -> problems.add(new Problem(
        dir.resolve("ko.md"), 1, "message '" + k + "' of en.md is missing under '## messages' here")));
    ko.messages().keySet().stream().filter(k -> !en.messages().containsKey(k)).forEach(k -> problems.add(new Problem(
        dir.resolve("ko.md"), ko.messageLines().get(k), "message '" + k + "' is not in en.md")));
  }
}

package dev.shellcamp.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one lesson folder. Every problem found is collected with its file and line; a lesson
 * with problems is not returned, but loading never throws, so one broken lesson cannot stop
 * the catalog.
 */
public final class LessonLoader {
  public static final Set<String> CAPABILITIES = Set.of("bash", "pty", "docker", "python3-venv", "gpu", "network",
      "python-image", "streamlit");
  public static final List<String> LANGS = List.of("en", "ko");
  private static final Set<String> LESSON_KEYS = Set.of("format", "id", "requires", "setup", "vars", "steps", "cleanup",
      "misconceptions");
  private static final Set<String> STEP_KEYS = Set.of("id", "setup", "check", "hints", "solve", "accepts", "cheats", "cleanup",
      "requires", "cheats_accepted");

  private LessonLoader() {}

  /** The outcome: the lesson (null when it has problems) and everything wrong with it. */
  public record Loaded(Lesson lesson, List<Problem> problems, Path yaml, String id, int idLine) {
    /** Loaded without a readable id: nothing for the duplicate-id rule to compare. */
    public Loaded(Lesson lesson, List<Problem> problems) {
      this(lesson, problems, null, null, 0);
    }
  }

  /** Loads with each var bound to the value {@code seed} picks for it. */
  public static Loaded load(Path dir, long seed) {
    try {
      return loadChecked(dir, seed);
    } catch (RuntimeException | StackOverflowError e) {
      // the YAML bounds should make this unreachable; if a lesson still finds a way, it is that
      // lesson's problem and the rest of the catalog (or lint run) goes on
      return new Loaded(null, List.of(new Problem(dir.resolve("lesson.yaml"), 1, "could not be loaded: " + e)));
    }
  }

  private static Loaded loadChecked(Path dir, long seed) {
    List<Problem> problems = new ArrayList<>();
    Path yamlFile = dir.resolve("lesson.yaml");
    String raw = read(yamlFile, problems);
    if (raw == null) {
      return new Loaded(null, problems);
    }
    Node root;
    try {
      root = Yaml.parse(raw);
    } catch (Yaml.SyntaxError e) {
      problems.add(new Problem(yamlFile, e.line(), e.getMessage()));
      return new Loaded(null, problems);
    }
    if (!root.isMap()) {
      problems.add(new Problem(yamlFile, root.line(), "lesson.yaml must be a map of keys (format, id, steps, ...)"));
      return new Loaded(null, problems);
    }
    Map<String, VarSpec> vars = vars(yamlFile, root.map().get("vars"), problems);
    Map<String, String> values = new LinkedHashMap<>();
    vars.values().forEach(v -> values.put(v.name(), v.choose(seed)));
    if (!values.isEmpty()) {
      root = fill(root, values);
    }
    Lesson lesson = lesson(dir, yamlFile, root.map(), vars, values, problems);
    Node idNode = root.map().get("id");
    boolean hasId = idNode != null && idNode.isScalar();
    return new Loaded(problems.isEmpty() ? lesson : null, problems, yamlFile, hasId ? idNode.text() : null,
        hasId ? idNode.line() : 0);
  }

  /** The same tree with ${NAME} filled in every text value; one parse instead of two. */
  private static Node fill(Node n, Map<String, String> values) {
    if (n.isScalar()) {
      return n.text().contains("${") ? new Node(substitute(n.text(), values), n.line(), n.keyLine()) : n;
    }
    if (n.isList()) {
      List<Node> items = new ArrayList<>();
      n.list().forEach(x -> items.add(fill(x, values)));
      return new Node(items, n.line(), n.keyLine());
    }
    Map<String, Node> m = new LinkedHashMap<>();
    n.map().forEach((k, v) -> m.put(k, fill(v, values)));
    return new Node(m, n.line(), n.keyLine());
  }

  static String substitute(String s, Map<String, String> values) {
    String out = s;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static String read(Path f, List<Problem> problems) {
    try {
      if (Files.size(f) > YamlLimits.DEFAULT.maxChars()) {
        problems.add(new Problem(f, 1, Yaml.tooLarge(YamlLimits.DEFAULT)));
        return null;
      }
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new Problem(f, 1, Files.exists(f) ? "cannot read: " + e.getMessage() : "missing file"));
      return null;
    }
  }

  private static Lesson lesson(Path dir, Path file, Map<String, Node> m, Map<String, VarSpec> vars,
      Map<String, String> values, List<Problem> problems) {
    unknownKeys(file, m, LESSON_KEYS, "lesson", problems);
    Node format = m.get("format");
    if (format == null || !format.isScalar() || !format.text().equals("1")) {
      problems.add(new Problem(file, format == null ? 1 : format.line(), "'format: 1' is required"));
    }
    String id = scalar(file, m, "id", true, problems);
    if (id != null) {
      checkId(dir, file, m.get("id"), id, problems);
    }
    List<String> requires = requires(file, m.get("requires"), problems);
    List<Step> steps = steps(file, m.get("steps"), problems);
    Map<String, LessonText> texts = new LinkedHashMap<>();
    for (String lang : LANGS) {
      Path md = dir.resolve(lang + ".md");
      String text = read(md, problems);
      if (text != null) {
        LessonText t = LessonText.parse(md, substitute(text, values), problems);
        texts.put(lang, t);
        matchSections(md, t, steps, problems);
      }
    }
    compareHints(dir, texts, steps, problems);
    steps = RunScripts.resolve(dir, file, steps, texts, values, problems);
    LessonFiles.check(dir, problems);
    List<Misconception> misconceptions = Misconceptions.read(file, m.get("misconceptions"),
        steps.stream().map(Step::id).toList(), problems);
    return new Lesson(id, dir, requires, scalar(file, m, "setup", false, problems),
        scalar(file, m, "cleanup", false, problems), vars, values, steps, texts, misconceptions);
  }

  private static List<String> requires(Path file, Node n, List<Problem> problems) {
    List<String> requires = strings(file, n, "requires", problems);
    for (String r : requires) {
      if (!CAPABILITIES.contains(r)) {
        problems.add(new Problem(file, n.line(), "unknown capability '" + r + "' (known: "
            + String.join(", ", CAPABILITIES.stream().sorted().toList()) + ")"));
      }
    }
    return requires;
  }

  private static void checkId(Path dir, Path file, Node node, String id, List<Problem> problems) {
    if (!id.matches("[a-z0-9-]+/[a-z0-9-]+")) {
      problems.add(new Problem(file, node.line(), "id must look like course/name, not '" + id + "'"));
      return;
    }
    String folder = dir.getFileName().toString().replaceFirst("^\\d+-", "");
    String course = dir.getParent() == null ? "" : dir.getParent().getFileName().toString();
    if (!id.equals(course + "/" + folder)) {
      problems.add(new Problem(file, node.line(), "id '" + id + "' does not match its folder "
          + course + "/" + dir.getFileName() + " (expected '" + course + "/" + folder + "')"));
    }
  }

  private static void matchSections(Path md, LessonText t, List<Step> steps, List<Problem> problems) {
    List<String> ids = steps.stream().map(Step::id).distinct().toList();
    for (Step s : steps) {
      if (!t.steps().containsKey(s.id())) {
        problems.add(new Problem(md, 1, "no '## " + s.id() + "' section for step '" + s.id() + "' of lesson.yaml"));
      }
    }
    for (Map.Entry<String, Integer> e : t.lines().entrySet()) {
      if (!ids.contains(e.getKey())) {
        problems.add(new Problem(md, e.getValue(), "section '## " + e.getKey() + "' is not a step in lesson.yaml"));
      }
    }
    List<String> order = t.steps().keySet().stream().filter(ids::contains).toList();
    if (problems.stream().noneMatch(p -> p.file().equals(md)) && !order.equals(ids)) {
      problems.add(new Problem(md, 1, "sections are not in the order of lesson.yaml's steps: " + order));
    }
  }

  private static void compareHints(Path dir, Map<String, LessonText> texts, List<Step> steps, List<Problem> problems) {
    LessonText en = texts.get("en");
    LessonText ko = texts.get("ko");
    if (en == null || ko == null) {
      return;
    }
    for (Step s : steps) {
      LessonText.StepText a = en.steps().get(s.id());
      LessonText.StepText b = ko.steps().get(s.id());
      if (a != null && b != null && a.hints().size() != b.hints().size()) {
        problems.add(new Problem(dir.resolve("ko.md"), ko.lines().get(s.id()), "step '" + s.id() + "' has "
            + b.hints().size() + " hints here but " + a.hints().size() + " in en.md"));
      }
    }
  }

  private static List<Step> steps(Path file, Node node, List<Problem> problems) {
    List<Step> steps = new ArrayList<>();
    if (node == null || !node.isList() || node.list().isEmpty()) {
      problems.add(new Problem(file, node == null ? 1 : node.line(), "'steps' must be a non-empty list"));
      return steps;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Node sn : node.list()) {
      if (!sn.isMap()) {
        problems.add(new Problem(file, sn.line(), "a step must be a map (id, check, solve, ...), not " + sn.kind()));
        continue;
      }
      Map<String, Node> m = sn.map();
      unknownKeys(file, m, STEP_KEYS, "step", problems);
      if (!m.containsKey("id")) {
        problems.add(new Problem(file, sn.line(), "step has no 'id'"));
        continue;
      }
      String id = scalar(file, m, "id", true, problems);
      if (id == null) {
        continue;
      }
      if (!id.matches("[a-z0-9][a-z0-9-]*")) {
        problems.add(new Problem(file, m.get("id").line(), "step id '" + id + "' must be lower-case words joined by '-'"));
      }
      if (id.equals(LessonText.MESSAGES)) {
        problems.add(new Problem(file, m.get("id").line(), "step id '" + id + "' is taken by the '## "
            + LessonText.MESSAGES + "' section of en.md and ko.md"));
      }
      if (!seen.add(id)) {
        problems.add(new Problem(file, m.get("id").line(), "step id '" + id + "' is used twice"));
      }
      List<CheckSpec> checks = new ArrayList<>();
      Node cn = m.get("check");
      if (cn == null || !cn.isList() || cn.list().isEmpty()) {
        problems.add(new Problem(file, cn == null ? sn.line() : cn.line(), "step '" + id + "' needs a non-empty 'check' list"));
      } else {
        for (Node c : cn.list()) {
          CheckSpec spec = CheckSchema.read(file, c, problems);
          if (spec != null) {
            checks.add(spec);
          }
        }
      }
      String solve = scalar(file, m, "solve", false, problems);
      if (solve == null || solve.isBlank()) {
        problems.add(new Problem(file, sn.line(), "step '" + id + "' needs 'solve', the reference solution verify types"));
      }
      Step step = new Step(id, sn.line(), scalar(file, m, "setup", false, problems), List.copyOf(checks), solve,
          strings(file, m.get("accepts"), "accepts", problems), strings(file, m.get("cheats"), "cheats", problems),
          scalar(file, m, "cleanup", false, problems), strings(file, m.get("hints"), "hints", problems),
          requires(file, m.get("requires"), problems), List.of());
      steps.add(CheatsAccepted.read(file, m.get("cheats_accepted"), step, problems));
    }
    return steps;
  }

  private static Map<String, VarSpec> vars(Path file, Node node, List<Problem> problems) {
    Map<String, VarSpec> vars = new LinkedHashMap<>();
    if (node == null) {
      return vars;
    }
    if (!node.isMap()) {
      problems.add(new Problem(file, node.line(), "'vars' must be a map of NAME: {pick: [...]} or {range: [lo, hi]}"));
      return vars;
    }
    for (Map.Entry<String, Node> e : node.map().entrySet()) {
      String name = e.getKey();
      Node v = e.getValue();
      if (!name.matches("[A-Z][A-Z0-9_]*")) {
        problems.add(new Problem(file, v.line(), "var name '" + name + "' must be UPPER_CASE"));
      }
      Node pick = v.isMap() ? v.map().get("pick") : null;
      Node range = v.isMap() ? v.map().get("range") : null;
      if (pick != null && pick.isList() && !pick.list().isEmpty() && pick.list().stream().allMatch(Node::isScalar)) {
        vars.put(name, new VarSpec(name, pick.list().stream().map(Node::text).toList()));
      } else if (range != null && range.isList() && range.list().size() == 2
          && range.list().stream().allMatch(x -> x.isScalar() && x.text().matches("-?\\d+"))) {
        long lo = Long.parseLong(range.list().get(0).text());
        long hi = Long.parseLong(range.list().get(1).text());
        if (lo > hi || hi - lo > 100_000) {
          problems.add(new Problem(file, range.line(), "range of '" + name + "' must be [lo, hi] with lo <= hi"));
          continue;
        }
        List<String> all = new ArrayList<>();
        for (long i = lo; i <= hi; i++) {
          all.add(Long.toString(i));
        }
        vars.put(name, new VarSpec(name, all));
      } else {
        problems.add(new Problem(file, v.line(), "var '" + name + "' needs {pick: [values]} or {range: [lo, hi]}"));
      }
    }
    return vars;
  }

  private static void unknownKeys(Path file, Map<String, Node> m, Set<String> allowed, String what, List<Problem> problems) {
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problems.add(new Problem(file, e.getValue().keyLine(), "unknown key '" + e.getKey() + "' in " + what
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    }
  }

  private static String scalar(Path file, Map<String, Node> m, String key, boolean required, List<Problem> problems) {
    Node n = m.get(key);
    if (n == null) {
      if (required) {
        problems.add(new Problem(file, 1, "missing '" + key + "'"));
      }
      return null;
    }
    if (!n.isScalar()) {
      problems.add(new Problem(file, n.line(), "'" + key + "' must be text, not " + n.kind()));
      return null;
    }
    return n.text();
  }

  private static List<String> strings(Path file, Node n, String key, List<Problem> problems) {
    if (n == null) {
      return List.of();
    }
    if (n.isScalar()) {
      return n.text().isEmpty() ? List.of() : List.of(n.text());
    }
    if (!n.isList() || n.list().stream().anyMatch(x -> !x.isScalar())) {
      problems.add(new Problem(file, n.line(), "'" + key + "' must be a list of text"));
      return List.of();
    }
    return n.list().stream().map(Node::text).toList();
  }
}

package dev.shellcamp.lesson;

import dev.shellcamp.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What each check type accepts, so lint can name an unknown key, a wrong type or a bad regex
 * at its line before a learner ever meets it.
 */
final class CheckSchema {
  enum T { STR, REGEX, BOOL, INT, SIZE, STRS, PAIR, STR_OR_STRS, CASES, VERSIONS, HEADERS, JSON_VALUES }

  private static final Map<String, T> LINES_OPTS = Map.of(
      "lines", T.STRS, "order", T.BOOL, "ignore_non_matching", T.BOOL, "re_sub", T.PAIR);

  private static final Map<String, Map<String, T>> MAP_FORMS = Map.ofEntries(
      Map.entry("output", merge(Map.of("contains", T.STR, "regex", T.REGEX, "equals", T.STR), LINES_OPTS)),
      Map.entry("typed", Map.of("regex", T.REGEX, "any", T.BOOL)),
      Map.entry("cwd", Map.of("path", T.STR, "regex", T.REGEX)),
      Map.entry("env", Map.of("name", T.STR, "equals", T.STR, "regex", T.REGEX, "set", T.BOOL, "exported", T.BOOL)),
      Map.entry("file", merge(Map.of("path", T.STR, "exists", T.BOOL, "absent", T.BOOL, "contains", T.STR,
          "regex", T.REGEX, "equals", T.STR, "mode", T.STR, "executable", T.BOOL, "unchanged", T.BOOL),
          LINES_OPTS)),
      Map.entry("quiz", Map.of("answer", T.STR_OR_STRS, "regex", T.REGEX, "choices", T.INT)),
      Map.entry("lab", Map.of("url", T.STR, "model", T.STR, "rate", T.INT, "seconds", T.INT)),
      Map.entry("process", Map.of("name", T.STR, "cmdline", T.REGEX, "running", T.BOOL)),
      Map.entry("port", Map.of("port", T.INT, "listening", T.BOOL, "by", T.REGEX)),
      Map.entry("disk", Map.of("path", T.STR, "free_above", T.SIZE)),
      Map.entry("docker", Map.ofEntries(Map.entry("image", T.STR), Map.entry("container", T.STR), Map.entry("dockerfile", T.STR),
          Map.entry("absent", T.BOOL), Map.entry("running", T.BOOL), Map.entry("exit_code", T.INT),
          Map.entry("from", T.REGEX), Map.entry("port", T.STR), Map.entry("env", T.STR), Map.entry("mount", T.STR),
          Map.entry("source", T.REGEX), Map.entry("cmd", T.REGEX), Map.entry("entrypoint", T.REGEX),
          Map.entry("logs", T.REGEX), Map.entry("instructions", T.STRS))),
      Map.entry("http", Map.ofEntries(Map.entry("url", T.STR), Map.entry("method", T.STR), Map.entry("body", T.STR),
          Map.entry("content_type", T.STR), Map.entry("status", T.INT), Map.entry("header", T.HEADERS),
          Map.entry("json", T.JSON_VALUES), Map.entry("contains", T.STR), Map.entry("regex", T.REGEX),
          Map.entry("within_ms", T.INT))),
      Map.entry("java", Map.of("file", T.STR, "with", T.STRS, "cases", T.CASES, "against", T.VERSIONS, "timeout_ms", T.INT)));


  /** Which of a docker check's options go with which subject. */
  private static final Map<String, Set<String>> DOCKER_SUBJECTS = Map.of(
      "image", Set.of("absent"),
      "container", Set.of("absent", "running", "exit_code", "from", "port", "env", "mount", "source", "cmd",
          "entrypoint", "logs"),
      "dockerfile", Set.of("instructions"));

  private static final Set<String> SCALAR_FORMS = Set.of("exit", "run");

  /** The request methods an {@code http} check may send. */
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  private CheckSchema() {}

  private static Map<String, T> merge(Map<String, T> a, Map<String, T> b) {
    Map<String, T> m = new LinkedHashMap<>(a);
    m.putAll(b);
    return Map.copyOf(m);
  }

  static CheckSpec read(Path file, Node entry, List<Problem> problems) {
    if (!entry.isMap() || entry.map().size() != 1) {
      problems.add(new Problem(file, entry.line(), "a check is a map with exactly one key, its type"));
      return null;
    }
    Map.Entry<String, Node> e = entry.map().entrySet().iterator().next();
    String type = e.getKey();
    Node arg = e.getValue();
    if (type.equals("run") && arg.isMap()) {
      return RunScripts.scriptForm(file, entry.line(), arg, problems);
    }
    if (SCALAR_FORMS.contains(type)) {
      if (!arg.isScalar() || arg.text().isBlank()) {
        problems.add(new Problem(file, arg.line(), "'" + type + "' takes a "
            + (type.equals("exit") ? "number" : "bash script or {script: FILE}") + ", not " + arg.kind()));
        return null;
      }
      if (type.equals("exit") && !arg.text().matches("\\d{1,3}")) {
        problems.add(new Problem(file, arg.line(), "'exit' takes a number 0-255, not '" + arg.text() + "'"));
        return null;
      }
      return new CheckSpec(type, Map.of("value", arg.text()), entry.line());
    }
    Map<String, T> form = MAP_FORMS.get(type);
    if (form == null) {
      problems.add(new Problem(file, entry.line(), "unknown check type '" + type + "' (known: "
          + String.join(", ", known()) + ")"));
      return null;
    }
    if (!arg.isMap()) {
      problems.add(new Problem(file, arg.line(), "'" + type + "' takes a map of options, not " + arg.kind()));
      return null;
    }
    int before = problems.size();
    Map<String, Object> args = new LinkedHashMap<>();
    boolean linesForm = arg.map().containsKey("lines");
    for (Map.Entry<String, Node> o : arg.map().entrySet()) {
      T t = form.get(o.getKey());
      if (o.getKey().equals("regex") && linesForm) {
        t = T.BOOL;
      }
      if (t == null) {
        problems.add(new Problem(file, o.getValue().line(), "unknown key '" + o.getKey() + "' in '" + type
            + "' check (allowed: " + String.join(", ", form.keySet().stream().sorted().toList()) + ")"));
        continue;
      }
      Object v = value(file, type + "." + o.getKey(), o.getValue(), t, problems);
      if (v != null) {
        args.put(o.getKey(), v);
      }
    }
    requireShape(file, type, entry.line(), arg.map().keySet(), problems);
    if (type.equals("http")) {
      httpValues(file, arg.map(), problems);
    }
    WorkspacePaths.check(file, type, arg.map(), problems);
    if (problems.size() > before) {
      return null;
    }
    return new CheckSpec(type, Map.copyOf(args), entry.line());
  }

  private static List<String> known() {
    List<String> k = new ArrayList<>(MAP_FORMS.keySet());
    k.addAll(SCALAR_FORMS);
    return k.stream().sorted().toList();
  }

  private static void requireShape(Path file, String type, int line, Set<String> keys, List<Problem> problems) {
    String need = switch (type) {
      case "output" -> exactlyOne(keys, "contains", "regex", "equals", "lines");
      case "typed" -> keys.contains("regex") ? null : "'typed' needs 'regex'";
      case "cwd" -> exactlyOne(keys, "path", "regex");
      case "env" -> !keys.contains("name") ? "'env' needs 'name'"
          : keys.size() < 2 ? "'env' needs one of equals, regex, set, exported" : null;
      case "file" -> !keys.contains("path") ? "'file' needs 'path'"
          : keys.size() < 2 ? "'file' needs at least one property to check (exists, contains, mode, ...)" : null;
      case "quiz" -> keys.contains("answer") || keys.contains("regex") ? null : "'quiz' needs 'answer' or 'regex'";
      case "lab" -> keys.contains("url") ? null : "'lab' needs 'url', the server's base URL";
      case "docker" -> dockerShape(keys);
      case "java" -> keys.contains("file") && keys.contains("cases") ? null
          : "'java' needs 'file' (the learner's file) and 'cases'";
      case "process" -> exactlyOne(keys, "name", "cmdline");
      case "port" -> keys.contains("port") ? null : "'port' needs 'port', the TCP port number";
      case "http" -> keys.contains("url") ? null : "'http' needs 'url', the address to request";
      case "disk" -> keys.contains("path") && keys.contains("free_above") ? null
          : "'disk' needs 'path' and 'free_above' (a size such as 500M or 1G)";
      default -> null;
    };
    if (need != null) {
      problems.add(new Problem(file, line, need));
    }
  }

  /** An http check's URL and method, which the schema's types alone cannot judge. */
  private static void httpValues(Path file, Map<String, Node> args, List<Problem> problems) {
    Node url = args.get("url");
    if (url != null && url.isScalar() && !url.text().matches("https?://[^\\s/]+(/\\S*)?")) {
      problems.add(new Problem(file, url.line(), "'http.url' must be an http:// or https:// address, not '" + url.text() + "'"));
    }
    Node method = args.get("method");
    if (method != null && method.isScalar() && !METHODS.contains(method.text())) {
      problems.add(new Problem(file, method.line(), "'http.method' must be one of "
          + String.join(", ", METHODS.stream().sorted().toList()) + ", not '" + method.text() + "'"));
    }
  }

  private static String dockerShape(Set<String> keys) {
    String one = exactlyOne(keys, "image", "container", "dockerfile");
    if (one != null) {
      return "'docker' " + one;
    }
    String subject = DOCKER_SUBJECTS.keySet().stream().filter(keys::contains).findFirst().orElseThrow();
    List<String> stray = keys.stream().filter(k -> !k.equals(subject) && !DOCKER_SUBJECTS.get(subject).contains(k))
        .sorted().toList();
    if (!stray.isEmpty()) {
      return "'docker' with '" + subject + "' does not take " + String.join(", ", stray);
    }
    if (subject.equals("dockerfile") && !keys.contains("instructions")) {
      return "'docker' with 'dockerfile' needs 'instructions', a list of regexes in order";
    }
    if (keys.contains("source") && !keys.contains("mount")) {
      return "'source' goes with 'mount'";
    }
    return null;
  }

  private static String exactlyOne(Set<String> keys, String... options) {
    long n = java.util.Arrays.stream(options).filter(keys::contains).count();
    return n == 1 ? null : "needs exactly one of " + String.join(", ", options);
  }

  private static Object value(Path file, String where, Node n, T t, List<Problem> problems) {
    switch (t) {
      case STR, REGEX, BOOL, INT, SIZE -> {
        if (!n.isScalar()) {
          problems.add(new Problem(file, n.line(), "'" + where + "' must be a single value, not " + n.kind()));
          return null;
        }
        String s = n.text();
        if (t == T.BOOL && !s.equals("true") && !s.equals("false")) {
          problems.add(new Problem(file, n.line(), "'" + where + "' must be true or false, not '" + s + "'"));
          return null;
        }
        if (t == T.INT && !s.matches("\\d+")) {
          problems.add(new Problem(file, n.line(), "'" + where + "' must be a whole number, not '" + s + "'"));
          return null;
        }
        if (t == T.SIZE && !s.matches("(?i)\\d+(\\.\\d+)?\\s*[KMGT]?(i?B)?")) {
          problems.add(new Problem(file, n.line(), "'" + where + "' must be a size such as 512M or 1G, not '" + s + "'"));
          return null;
        }
        if (t == T.INT && where.equals("port.port") && Integer.parseInt(s.length() > 6 ? "999999" : s) > 65535) {
          problems.add(new Problem(file, n.line(), "'port.port' must be a TCP port 1-65535, not '" + s + "'"));
          return null;
        }
        if (t == T.REGEX && !validRegex(file, where, n, s, problems)) {
          return null;
        }
        return s;
      }
      case STR_OR_STRS -> {
        return n.isScalar() ? n.text() : value(file, where, n, T.STRS, problems);
      }
      case HEADERS, JSON_VALUES -> {
        return keyedValues(file, where, n, t, problems);
      }
      case CASES -> {
        return JavaSchema.cases(file, where, n, problems);
      }
      case VERSIONS -> {
        return JavaSchema.versions(file, where, n, problems);
      }
      default -> {
        if (!n.isList() || n.list().stream().anyMatch(x -> !x.isScalar())) {
          problems.add(new Problem(file, n.line(), "'" + where + "' must be a list of values"));
          return null;
        }
        List<String> items = n.list().stream().map(Node::text).toList();
        if (t == T.PAIR && (items.size() != 2 || !validRegex(file, where, n, items.get(0), problems))) {
          if (items.size() != 2) {
            problems.add(new Problem(file, n.line(), "'" + where + "' must be [pattern, replacement]"));
          }
          return null;
        }
        return items;
      }
    }
  }

  /** {@code header: {name: regex}} or {@code json: {path: value}}: a map of scalars, each key and value checked. */
  private static Map<String, String> keyedValues(Path file, String where, Node n, T t, List<Problem> problems) {
    if (!n.isMap() || n.map().isEmpty()) {
      problems.add(new Problem(file, n.line(), "'" + where + "' must be a map of "
          + (t == T.HEADERS ? "header name: regex" : "JSON path: expected value, as {\"$.outputs[0].data[0]\": 2.5}")));
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    int before = problems.size();
    for (Map.Entry<String, Node> e : n.map().entrySet()) {
      Node v = e.getValue();
      if (!v.isScalar()) {
        problems.add(new Problem(file, v.line(), "'" + where + "." + e.getKey() + "' must be a single value, not " + v.kind()));
        continue;
      }
      if (t == T.HEADERS) {
        if (!e.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
          problems.add(new Problem(file, v.keyLine(), "'" + e.getKey() + "' in '" + where + "' is not a header name"));
        }
        validRegex(file, where + "." + e.getKey(), v, v.text(), problems);
      } else {
        try {
          JsonPath.parse(e.getKey());
        } catch (IllegalArgumentException x) {
          problems.add(new Problem(file, v.keyLine(), x.getMessage() + " in '" + where + "'"));
        }
      }
      out.put(e.getKey(), v.text());
    }
    return problems.size() > before ? null : java.util.Collections.unmodifiableMap(out);
  }

  private static boolean validRegex(Path file, String where, Node n, String s, List<Problem> problems) {
    try {
      Pattern.compile(s);
      return true;
    } catch (PatternSyntaxException e) {
      problems.add(new Problem(file, n.line(), "bad regex in '" + where + "': " + e.getDescription()
          + " near index " + e.getIndex() + " of '" + s + "'"));
      return false;
    }
  }
}

package dev.shellcamp.lesson;

import java.util.Map;
import java.util.Set;

/**
 * Lint's rule for check fields that name a file the check reads: the path must stay in the
 * workspace. Checks resolve such paths against the workspace (the lesson's HOME), so an absolute
 * path or a {@code ..} that climbs out would let a lesson read any file the learner can.
 */
final class WorkspacePaths {
  /** type.key of every check field whose file a check opens. */
  static final Set<String> FIELDS = Set.of("file.path", "docker.dockerfile", "java.file");

  private WorkspacePaths() {}

  /** Why {@code path} (the value of {@code where}) may not be used, or null when it stays inside. */
  static String problem(String where, String path) {
    if (path.startsWith("/")) {
      return "'" + where + "' must be a path in the workspace, not the absolute path '" + path + "'";
    }
    // "~" and "~/..." are the workspace itself (it is HOME); anywhere else "~" is only a
    // folder literally named ~, which is never what the author meant
    String rest = path.replaceFirst("^~(/|$)", "");
    int depth = 0;
    for (String seg : rest.split("/")) {
      if (seg.equals("~")) {
        return "'" + where + "' uses '~' after its start ('" + path + "'); '~' means the workspace only as the first part";
      }
      if (seg.equals("..")) {
        depth--;
        if (depth < 0) {
          return "'" + where + "' leaves the workspace with '..' ('" + path + "')";
        }
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        depth++;
      }
    }
    return null;
  }

  /** Adds a problem for each path field of one check that leaves the workspace. */
  static void check(java.nio.file.Path file, String type, Map<String, Node> args, java.util.List<Problem> problems) {
    for (Map.Entry<String, Node> e : args.entrySet()) {
      String where = type + "." + e.getKey();
      if (FIELDS.contains(where) && e.getValue().isScalar()) {
        String why = problem(where, e.getValue().text());
        if (why != null) {
          problems.add(new Problem(file, e.getValue().line(), why));
        }
      }
    }
  }
}

package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a step's {@code cheats_accepted: [{kind: write-files, why: "..."}]}: generated cheats the
 * author says are correct answers. Each needs a known kind that verify makes for this step, and a
 * reason, so an acceptance is a decision someone can review rather than a way to silence verify.
 */
final class CheatsAccepted {
  private static final Set<String> KEYS = Set.of("kind", "why");

  private CheatsAccepted() {}

  /** {@code step} with its accepted cheats; problems are added for every malformed entry. */
  static Step read(Path file, Node n, Step step, List<Problem> problems) {
    if (!Node.optionalList(file, n, "'cheats_accepted' must be a list of {kind: KIND, why: REASON}", problems)) {
      return step;
    }
    List<AcceptedCheat> accepted = new ArrayList<>();
    Set<CheatKind> seen = new HashSet<>();
    for (Node e : n.list()) {
      AcceptedCheat a = entry(file, e, step, problems);
      if (a == null) {
        continue;
      }
      if (!seen.add(a.kind())) {
        problems.add(new Problem(file, e.line(), "cheat kind '" + a.kind().id() + "' is accepted twice in step '"
            + step.id() + "'"));
        continue;
      }
      accepted.add(a);
    }
    return new Step(step.id(), step.line(), step.setup(), step.checks(), step.solve(), step.accepts(), step.cheats(),
        step.cleanup(), step.hints(), step.requires(), List.copyOf(accepted));
  }

  private static AcceptedCheat entry(Path file, Node e, Step step, List<Problem> problems) {
    if (!e.isMap()) {
      problems.add(new Problem(file, e.line(), "a 'cheats_accepted' entry is {kind: KIND, why: REASON}, not " + e.kind()));
      return null;
    }
    Map<String, Node> m = e.map();
    for (Map.Entry<String, Node> k : m.entrySet()) {
      if (!KEYS.contains(k.getKey())) {
        problems.add(new Problem(file, k.getValue().keyLine(), "unknown key '" + k.getKey()
            + "' in a 'cheats_accepted' entry (allowed: kind, why)"));
        return null;
      }
    }
    Node kind = m.get("kind");
    Node why = m.get("why");
    if (kind == null || !kind.isScalar()) {
      problems.add(new Problem(file, e.line(), "a 'cheats_accepted' entry needs 'kind', one of "
          + String.join(", ", CheatKind.ids())));
      return null;
    }
    var k = CheatKind.named(kind.text());
    if (k.isEmpty()) {
      problems.add(new Problem(file, kind.line(), "unknown cheat kind '" + kind.text() + "' (known: "
          + String.join(", ", CheatKind.ids()) + ")"));
      return null;
    }
    if (why == null || !why.isScalar() || why.text().isBlank()) {
      problems.add(new Problem(file, why == null ? e.line() : why.line(), "accepting cheat '" + kind.text()
          + "' needs 'why', the reason it is a correct answer"));
      return null;
    }
    if (!k.get().appliesTo(step)) {
      problems.add(new Problem(file, kind.line(), "cheat '" + kind.text() + "' is never generated for step '"
          + step.id() + "' (its checks do not call for it), so there is nothing to accept"));
      return null;
    }
    return new AcceptedCheat(k.get(), why.text());
  }
}

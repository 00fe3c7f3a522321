package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a pipeline stage prints, as far as the guard can tell: {@code text} for a shell reading it
 * (echo 'rm -rf /' | bash), {@code names} for xargs. A null part is unknown.
 */
record Output(String text, List<Field> names) {
  static final Output UNKNOWN = new Output(null, null);

  /** Commands whose output is their arguments or names under them; anything else prints what the guard cannot see. */
  static Output of(String prog, List<Field> args) {
    if (args.stream().anyMatch(Field::unknown)) {
      return UNKNOWN;
    }
    switch (prog) {
      case "echo": {
        int i = 0;
        while (i < args.size() && args.get(i).text().matches("-[neE]+")) {
          i++;
        }
        List<Field> words = args.subList(i, args.size());
        return new Output(join(words), words);
      }
      case "printf": {
        if (args.isEmpty()) {
          return UNKNOWN;
        }
        List<Field> rest = args.subList(1, args.size());
        String text = rest.isEmpty() ? args.get(0).text().replace("\\n", "\n") : join(rest);
        List<Field> names = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
          names.add(Field.literal(w, w));
        }
        return new Output(text, rest.isEmpty() ? names : rest);
      }
      case "ls": {
        List<Field> ops = Opts.parse(args, "", Set.of()).operands();
        // ls alone prints the names in the current directory: the same as the glob *
        return new Output(null, ops.isEmpty() ? List.of(new Field("*", 0, "*", false)) : ops);
      }
      case "find":
        return new Output(null, Nested.findPaths(args));
      case "grep": {
        Opts o = Opts.parse(args, "efmABCd", Set.of("regexp", "file", "max-count"));
        boolean names = o.hasShort('l') || o.hasShort('L') || o.hasShort('r') || o.hasShort('R')
            || o.has("files-with-matches") || o.has("recursive");
        boolean patternGiven = o.hasShort('e') || o.hasShort('f') || o.has("regexp");
        List<Field> ops = o.operands().subList(patternGiven || o.operands().isEmpty() ? 0 : 1, o.operands().size());
        return !names ? UNKNOWN : new Output(null, ops.isEmpty() ? List.of(Field.literal(".", ".")) : ops);
      }
      default:
        return UNKNOWN;
    }
  }

  private static String join(List<Field> words) {
    return String.join(" ", words.stream().map(Field::text).toList());
  }
}

package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A GNU program's arguments split into options and operands (options may come after operands;
 * "--" ends them). {@code argShort}/{@code argLong} name the options that take the next argument.
 */
record Opts(List<Field> flags, List<Field> operands) {
  static Opts parse(List<Field> args, String argShort, Set<String> argLong) {
    List<Field> flags = new ArrayList<>();
    List<Field> operands = new ArrayList<>();
    boolean ended = false;
    for (int i = 0; i < args.size(); i++) {
      Field f = args.get(i);
      String a = f.text();
      if (ended || f.unknown() || a.length() < 2 || !a.startsWith("-")) {
        operands.add(f);
      } else if (a.equals("--")) {
        ended = true;
      } else {
        flags.add(f);
        if (takesNext(a, argShort, argLong) && i + 1 < args.size()) {
          flags.add(args.get(++i));
        }
      }
    }
    return new Opts(flags, operands);
  }

  /** -t DIR takes the next argument; -tDIR and --target-directory=DIR carry it. */
  private static boolean takesNext(String a, String argShort, Set<String> argLong) {
    if (a.startsWith("--")) {
      return argLong.contains(a.substring(2));
    }
    int k = 1;
    while (k < a.length() && argShort.indexOf(a.charAt(k)) < 0) {
      k++;
    }
    return k == a.length() - 1;
  }

  boolean hasShort(char c) {
    return flags.stream().anyMatch(f -> !f.text().startsWith("--") && f.text().startsWith("-") && f.text().indexOf(c) > 0);
  }

  boolean has(String longName) {
    return flags.stream().anyMatch(f -> f.text().equals("--" + longName) || f.text().startsWith("--" + longName + "="));
  }

  /** What the learner would recognise: the program and its options, as in "rm -rf". */
  String command(String prog) {
    StringBuilder b = new StringBuilder(prog);
    flags.stream().filter(f -> f.text().startsWith("-")).forEach(f -> b.append(' ').append(f.text()));
    return b.toString();
  }
}

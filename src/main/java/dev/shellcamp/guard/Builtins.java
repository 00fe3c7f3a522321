package dev.shellcamp.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The builtins that change what later commands of the line mean: cd, assignments, read, ln -s. */
final class Builtins {
  private Builtins() {}

  /** NAME=value, NAME+=value, NAME=(a b): into {@code into} (the shell's variables, or a command's environment). */
  static void assign(String word, Expander ex, Scope s, Map<String, Value> into) {
    int eq = word.indexOf('=');
    String name = word.substring(0, eq);
    boolean append = name.endsWith("+");
    name = name.replace("+", "");
    String rhs = word.substring(eq + 1);
    Value v;
    if (name.contains("[")) {
      name = name.substring(0, name.indexOf('['));
      v = Value.UNKNOWN; // one element of an array: the guard keeps arrays whole or not at all
    } else if (rhs.startsWith("(") && rhs.endsWith(")")) {
      List<String> elems = new ArrayList<>();
      for (Token t : Lexer.lex(rhs.substring(1, rhs.length() - 1))) {
        for (Field f : t.kind() == Token.Kind.WORD ? ex.fields(t.text()) : List.<Field>of()) {
          if (f.unknown()) {
            into.put(name, Value.UNKNOWN);
            return;
          }
          elems.add(f.text());
        }
      }
      v = Value.of(elems);
    } else {
      Field f = ex.single(rhs);
      v = f.unknown() ? Value.UNKNOWN : Value.of(f.text());
    }
    if (append && v.state() == Value.State.SET) {
      Value old = s.lookup(name);
      List<String> elems = new ArrayList<>(old.elems());
      if (rhs.startsWith("(") || elems.isEmpty()) {
        elems.addAll(v.elems());
      } else {
        elems.set(0, elems.get(0) + v.scalar());
      }
      v = old.state() == Value.State.UNKNOWN ? Value.UNKNOWN : Value.of(elems);
    }
    into.put(name, v);
  }

  static List<Value> values(List<Field> args) {
    return args.stream().map(f -> f.unknown() ? Value.UNKNOWN : Value.of(f.text())).toList();
  }

  /** cd, pushd and popd move bash's logical directory; popd's stack is not kept, so it goes somewhere unknown. */
  static void cd(String name, List<Field> args, Scope s) {
    List<Field> ops = args.stream().filter(f -> f.unknown() || !f.text().matches("-[LPe@]+|--")).toList();
    Path from = s.cwd;
    if (name.equals("popd") || !ops.isEmpty() && (ops.get(0).unknown() || ops.get(0).text().startsWith("+"))) {
      s.cwd = null;
    } else if (ops.isEmpty()) {
      Value home = s.lookup("HOME");
      s.cwd = home.state() == Value.State.SET ? s.resolve(home.scalar()) : null;
    } else if (ops.get(0).text().equals("-")) {
      s.cwd = s.oldpwd;
    } else {
      s.cwd = s.resolve(ops.get(0).text());
    }
    s.oldpwd = from;
  }

  /** export, declare, local, readonly: assignments as bash makes them (no splitting), export marks. */
  static void declare(String name, List<Field> args, Scope s, Expander ex) {
    boolean export = name.equals("export");
    for (Field f : args) {
      String t = f.text();
      if (!f.unknown() && (t.startsWith("-") || t.startsWith("+"))) {
        export |= t.startsWith("-") && t.contains("x");
        if (t.contains("f")) {
          return; // functions, not variables
        }
        continue;
      }
      String raw = f.raw();
      if (raw != null && Parser.isAssignment(raw)) {
        assign(raw, ex, s, s.vars);
        t = raw.substring(0, raw.indexOf('=')).replaceAll("[+\\[].*", "");
      }
      if (export && !f.unknown()) {
        s.exported.add(t.contains("=") ? t.substring(0, t.indexOf('=')) : t);
      }
    }
  }

  static void unset(List<Field> args, Scope s) {
    boolean functions = args.stream().anyMatch(f -> f.text().equals("-f"));
    for (Field f : args) {
      if (!f.unknown() && !f.text().startsWith("-")) {
        if (functions) {
          s.functions.remove(f.text());
        } else {
          s.vars.put(f.text(), Value.UNSET);
        }
      }
    }
  }

  /** read, mapfile, getopts, printf -v: the variables they set hold what only the run will tell. */
  static void reads(String name, List<Field> args, Scope s) {
    List<String> names = new ArrayList<>();
    switch (name) {
      case "read" -> {
        Opts o = Opts.parse(args, "adinNptu", Set.of());
        arrayOption(o, "-a", names);
        o.operands().forEach(f -> names.add(f.text()));
        if (names.isEmpty()) {
          names.add("REPLY");
        }
      }
      case "mapfile", "readarray" -> {
        List<Field> ops = Opts.parse(args, "dnOstuCc", Set.of()).operands();
        names.add(ops.isEmpty() ? "MAPFILE" : ops.get(ops.size() - 1).text());
      }
      case "getopts" -> {
        if (args.size() >= 2) {
          names.add(args.get(1).text());
        }
      }
      default -> arrayOption(Opts.parse(args, "v", Set.of()), "-v", names);
    }
    names.forEach(n -> s.vars.put(n, Value.UNKNOWN));
  }

  private static void arrayOption(Opts o, String option, List<String> names) {
    List<Field> flags = o.flags();
    for (int i = 0; i + 1 < flags.size(); i++) {
      if (flags.get(i).text().equals(option)) {
        names.add(flags.get(i + 1).text());
      }
    }
  }

  /** ln -s TARGET NAME: later words of the line may go through the link it makes. */
  static void link(List<Field> args, Scope s) {
    Opts o = Opts.parse(args, "tS", Set.of("target-directory", "suffix"));
    if (!o.hasShort('s') && !o.has("symbolic") || o.operands().stream().anyMatch(Field::unknown)) {
      return;
    }
    List<Field> ops = o.operands();
    Path base = s.physicalCwd();
    if (ops.isEmpty() || base == null || o.hasShort('t') || o.has("target-directory")) {
      return;
    }
    String target = ops.get(0).text();
    Path targetName = Path.of(target).getFileName();
    if (targetName == null) {
      return;
    }
    String name = ops.size() == 1 ? targetName.toString() : ops.get(ops.size() - 1).text();
    Path at = s.place.physical(base.resolve(name), true);
    if (ops.size() > 2 || ops.size() == 2 && at.toFile().isDirectory()) {
      at = at.resolve(targetName);
    } else {
      at = s.place.physical(base.resolve(name), false);
    }
    s.place.madeLink(at, target);
  }
}

package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The programs that destroy, and whether what they are given lies outside the lesson's workspace. */
final class Judge {
  private static final Pattern DISK =
      Pattern.compile("/dev/(sd|hd|vd|xvd|nvme|mmcblk|disk|md|dm-|loop|mapper/|sr)[^/]*(/.*)?");
  private static final Set<String> FORMATS = Set.of("mke2fs", "mkswap", "wipefs", "mkdosfs", "mkntfs", "mkexfatfs");

  private Judge() {}

  /** The danger in running {@code prog} with {@code args}, or null. */
  static Danger check(String prog, List<Field> args, Scope s) {
    return switch (prog) {
      case "rm", "unlink", "shred" -> delete(prog, args, s);
      case "rmdir" -> rmdir(args, s);
      case "mv" -> move(args, s);
      case "chmod", "chown", "chgrp" -> chmod(prog, args, s);
      case "dd" -> dd(args, s);
      case "tee" -> disk(prog, Opts.parse(args, "", Set.of()).operands(), s);
      case "cp", "install" -> {
        List<Field> ops = Opts.parse(args, "tS", Set.of("target-directory", "suffix")).operands();
        yield ops.size() < 2 ? null : disk(prog, ops.subList(ops.size() - 1, ops.size()), s);
      }
      default -> prog.equals("mkfs") || prog.startsWith("mkfs.") || FORMATS.contains(prog) ? format(prog, args, s) : null;
    };
  }

  private static Danger delete(String prog, List<Field> args, Scope s) {
    Opts o = Opts.parse(args, "", Set.of());
    boolean recursive = prog.equals("rm") && (o.has("recursive") || o.hasShort('r') || o.hasShort('R'));
    return deletes(o.command(prog), o.operands(), recursive, s);
  }

  /** rm's rule, also find -delete's: outside the workspace, or the whole lesson home. */
  static Danger deletes(String command, List<Field> targets, boolean recursive, Scope s) {
    for (Field f : targets) {
      Target t = Target.of(f, s);
      if (t == null) {
        continue;
      }
      if (t.unknown()) {
        return unknown(command, t, true);
      }
      if (t.where() == Place.Where.OUTSIDE || t.where() == Place.Where.HOME && recursive && !t.dotLast()) {
        return new Danger("danger.rm", "danger.what.delete", command, t.shown(), t.from());
      }
    }
    return null;
  }

  private static Danger rmdir(List<Field> args, Scope s) {
    Opts o = Opts.parse(args, "", Set.of());
    return outside(o.operands(), s, o.command("rmdir"), "danger.rm", "danger.what.delete");
  }

  private static Danger move(List<Field> args, Scope s) {
    Opts o = Opts.parse(args, "tS", Set.of("target-directory", "suffix"));
    List<Field> ops = o.operands();
    boolean toDir = o.hasShort('t') || o.has("target-directory");
    List<Field> sources = toDir ? ops : ops.subList(0, Math.max(0, ops.size() - 1));
    for (Field f : sources) {
      Target t = Target.of(f, s);
      if (t != null && (t.unknown() || t.where() != Place.Where.INSIDE)) {
        return t.unknown() ? unknown(o.command("mv"), t, false)
            : new Danger("danger.mv", "danger.what.move", o.command("mv"), t.shown(), t.from());
      }
    }
    return null;
  }

  private static Danger chmod(String prog, List<Field> args, Scope s) {
    Opts o = Opts.parse(args, "", Set.of());
    if (!o.has("recursive") && !o.hasShort('R')) {
      return null;
    }
    // chmod -R -w dir: a mode that looks like an option; then every operand is a target
    boolean modeGiven = prog.equals("chmod") && o.flags().stream().anyMatch(f -> f.text().matches("-[rwxXst]+"));
    boolean reference = o.flags().stream().anyMatch(f -> f.text().startsWith("--reference"));
    List<Field> ops = o.operands();
    List<Field> targets = modeGiven || reference ? ops : ops.subList(Math.min(1, ops.size()), ops.size());
    return outside(targets, s, o.command(prog), "danger.chmod", "danger.what.chmod");
  }

  private static Danger dd(List<Field> args, Scope s) {
    List<Field> outputs = new ArrayList<>();
    for (Field f : args) {
      if (f.unknown() || f.text().startsWith("of=")) {
        String raw = f.raw() != null && f.raw().startsWith("of=") ? f.raw().substring(3) : f.raw();
        outputs.add(f.unknown() ? f : new Field(f.text().substring(3), -1, raw, false));
      }
    }
    return disk("dd", outputs, s);
  }

  private static Danger format(String prog, List<Field> args, Scope s) {
    return outside(Opts.parse(args, "", Set.of()).operands(), s, prog, "danger.mkfs", "danger.what.format");
  }

  /** A redirection's target: writing into a disk device. */
  static Danger redirect(String op, Field target, Scope s) {
    boolean writes = op.contains(">") && !(op.endsWith("&") && target.text().matches("\\d+|-"));
    Danger d = writes ? disk(op, List.of(target), s) : null;
    return d == null ? null : new Danger(d.key(), "danger.what.redirect", op, d.path(), d.from());
  }

  private static Danger disk(String command, List<Field> targets, Scope s) {
    for (Field f : targets) {
      Target t = Target.of(f, s);
      if (t != null && !t.unknown() && DISK.matcher(t.path().toString()).matches()) {
        return new Danger("danger.disk", "danger.what.disk", command, t.shown(), t.from());
      }
    }
    return null;
  }

  private static Danger outside(List<Field> targets, Scope s, String command, String key, String what) {
    for (Field f : targets) {
      Target t = Target.of(f, s);
      if (t != null && (t.unknown() || t.where() == Place.Where.OUTSIDE)) {
        return t.unknown() ? unknown(command, t, false) : new Danger(key, what, command, t.shown(), t.from());
      }
    }
    return null;
  }

  private static Danger unknown(String command, Target t, boolean deletes) {
    if (t.field().raw() == null) {
      return new Danger("danger.unknown", "danger.what.input", command, "", "");
    }
    return new Danger("danger.unknown", deletes ? "danger.what.delete-unknown" : "danger.what.unknown", command,
        t.shown(), "");
  }
}

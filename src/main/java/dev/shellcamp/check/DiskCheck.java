package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.monitor.Machine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Free space on the filesystem that holds {@code path} is above {@code free_above} (K, M, G, T suffixes). */
final class DiskCheck {
  private DiskCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    String p = spec.string("path");
    Path path = ctx.path(p);
    long want = bytes(spec.string("free_above"));
    long free;
    try {
      free = Machine.freeBytes(path);
    } catch (IOException e) {
      return Result.fail(m.get("check.disk.error", p, e.getMessage()));
    }
    return free > want ? Result.PASS : Result.fail(m.get("check.disk.low", human(want), p, human(free)));
  }

  /** "1G", "512M", "100k", "2048": powers of 1024, as df -h counts. */
  static long bytes(String size) {
    String s = size.replace(" ", "").toUpperCase(Locale.ROOT).replaceFirst("I?B$", "");
    int shift = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
      case 'K' -> 10;
      case 'M' -> 20;
      case 'G' -> 30;
      case 'T' -> 40;
      default -> 0;
    };
    String num = shift == 0 ? s : s.substring(0, s.length() - 1);
    return (long) (Double.parseDouble(num) * (1L << shift));
  }

  static String human(long b) {
    String[] units = {"B", "K", "M", "G", "T"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? b + "B" : String.format(Locale.ROOT, "%.1f%s", v, units[u]);
  }
}

package dev.shellcamp.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The process rows in the order the view asks for: filtered, sorted, or as a tree. */
final class ProcessOrder {
  private ProcessOrder() {}

  /** A process and the tree drawing in front of its command ("" outside tree view). */
  record Row(Snapshot.Proc proc, String branch) {}

  /**
   * Written out rather than chained (comparingDouble(…).reversed().thenComparing(…)): each link
   * of a chain is a method of its own that a 1 s refresh calls too seldom to get compiled soon.
   */
  private static final Comparator<Snapshot.Proc> BY_PID = (a, b) -> Long.compare(a.pid(), b.pid());
  private static final Comparator<Snapshot.Proc> BY_MEMORY = (a, b) -> {
    int c = Long.compare(b.rss(), a.rss());
    return c != 0 ? c : Long.compare(a.pid(), b.pid());
  };
  // current CPU, from two readings; OSHI's CPU_DESC would sort by lifetime CPU instead
  private static final Comparator<Snapshot.Proc> BY_CPU = (a, b) -> {
    int c = Double.compare(b.cpu(), a.cpu());
    return c != 0 ? c : BY_MEMORY.compare(a, b);
  };

  static Comparator<Snapshot.Proc> comparator(View.Sort sort) {
    return switch (sort) {
      case CPU -> BY_CPU;
      case MEMORY -> BY_MEMORY;
      case PID -> BY_PID;
    };
  }

  static List<Row> rows(List<Snapshot.Proc> procs, View view) {
    String f = view.filter().toLowerCase(Locale.ROOT);
    List<Snapshot.Proc> shown = new ArrayList<>();
    for (Snapshot.Proc p : procs) {
      if (kernelThread(p)) {
        continue; // as htop: kernel threads are noise when looking for a runaway program
      }
      if (f.isEmpty() || p.command().toLowerCase(Locale.ROOT).contains(f) || p.user().toLowerCase(Locale.ROOT).contains(f)
          || Long.toString(p.pid()).equals(f)) {
        shown.add(p);
      }
    }
    Comparator<Snapshot.Proc> order = comparator(view.sort());
    shown.sort(order);
    List<Row> out = new ArrayList<>(shown.size());
    if (!view.tree()) {
      for (Snapshot.Proc p : shown) {
        out.add(new Row(p, ""));
      }
      return out;
    }
    Map<Long, Snapshot.Proc> byPid = new HashMap<>();
    for (Snapshot.Proc p : shown) {
      byPid.put(p.pid(), p);
    }
    Map<Long, List<Snapshot.Proc>> children = new HashMap<>();
    List<Snapshot.Proc> roots = new ArrayList<>();
    for (Snapshot.Proc p : shown) {
      if (p.ppid() != p.pid() && byPid.containsKey(p.ppid())) {
        children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
      } else {
        roots.add(p);
      }
    }
    Set<Long> done = new HashSet<>();
    for (Snapshot.Proc r : roots) {
      walk(r, "", "", children, done, out);
    }
    return out;
  }

  private static void walk(Snapshot.Proc p, String branch, String indent, Map<Long, List<Snapshot.Proc>> children,
      Set<Long> done, List<Row> out) {
    if (!done.add(p.pid())) {
      return;
    }
    out.add(new Row(p, branch));
    List<Snapshot.Proc> kids = children.getOrDefault(p.pid(), List.of());
    for (int i = 0; i < kids.size(); i++) {
      // ps axf's "\_" rather than box drawing: JLine turns box characters into the terminal's
      // line-drawing charset, which some terminals and every screen capture show as letters
      walk(kids.get(i), indent + " \\_ ", indent + "    ", children, done, out);
    }
  }

  static boolean kernelThread(Snapshot.Proc p) {
    return (p.pid() == 2 || p.ppid() == 2) && p.command().startsWith("[");
  }
}

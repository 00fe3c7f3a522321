package dev.shellcamp.monitor;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import dev.shellcamp.ui.Width;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A snapshot and the view state in, screen rows out: at most {@code height} rows, none wider
 * than {@code width}. No terminal here, so it is tested as text at any size.
 */
public final class Renderer {
  private static final int MIN_PROCESS_ROWS = 3;
  /** A printed snapshot has no cursor: no row is marked. */
  private static final long NO_SELECTION = Long.MIN_VALUE;
  private final Theme theme;
  private final Messages m;

  /** The fixed texts of a frame, looked up once: a bundle lookup per label per frame adds up at a 1 s refresh. */
  private final Map<String, String> labels = new HashMap<>();
  private final Memo<Snapshot.Limits> limitRows = new Memo<>(this::limits);
  private final Memo<List<Snapshot.Fs>> fsRows = new Memo<>(this::filesystems);
  private final Memo<Snapshot.GpuPanel> gpuRows = new Memo<>(this::gpu);
  private int coreCount = -1;
  private String coresText = "";

  /*
   * The styles as functions, made once: a bound method reference such as theme::bold makes a
   * new object through a method handle each time it is evaluated, and while the frame code is
   * still interpreted (at one refresh a second, for minutes) that costs more than the styling.
   */
  private final UnaryOperator<String> accent;
  private final UnaryOperator<String> bad;
  private final UnaryOperator<String> bold;
  private final UnaryOperator<String> dim;
  private final UnaryOperator<String> heading;
  private final UnaryOperator<String> ok;
  private final UnaryOperator<String> warn;

  public Renderer(Theme theme, Messages messages) {
    this.theme = theme;
    this.m = messages;
    this.accent = theme::accent;
    this.bad = theme::bad;
    this.bold = theme::bold;
    this.dim = theme::dim;
    this.heading = theme::heading;
    this.ok = theme::ok;
    this.warn = theme::warn;
  }

  /** "  N cores", made again only when N changes (a filled message costs a bundle lookup and a parse). */
  private String coresLabel(int n) {
    if (n != coreCount) {
      coreCount = n;
      coresText = "  " + m.get("monitor.cores", n);
    }
    return coresText;
  }

  private String label(String key) {
    String text = labels.get(key);
    if (text == null) {
      text = m.get(key);
      labels.put(key, text);
    }
    return text;
  }

  /** The plain frame `monitor --once` prints: the default view, every panel, the busiest processes. */
  public List<String> once(Snapshot s, int width, int processes) {
    List<String> top = top(s, width);
    List<String> out = new ArrayList<>(top);
    out.addAll(processes(s, View.START.select(NO_SELECTION), width, processes + 1));
    return out;
  }

  List<String> render(Snapshot s, View v, int width, int height) {
    width = Math.max(1, width);
    height = Math.max(1, height);
    List<String> out = new ArrayList<>();
    if (!s.ready()) {
      out.add(new Line(width).add(label("monitor.title"), bold).toString());
      out.add(new Line(width).add(label("monitor.sampling"), dim).toString());
    } else {
      List<String> top = top(s, width);
      int room = Math.max(0, height - 1 - (MIN_PROCESS_ROWS + 1));
      out.addAll(top.subList(0, Math.min(top.size(), room)));
      out.addAll(processes(s, v, width, height - 1 - out.size()));
    }
    while (out.size() > height - 1) {
      out.remove(out.size() - 1);
    }
    while (out.size() < height - 1) {
      out.add("");
    }
    if (height > 1 || out.isEmpty()) {
      out.add(footer(v, s, width));
    }
    return out.subList(Math.max(0, out.size() - height), out.size());
  }

  private List<String> top(Snapshot s, int w) {
    List<String> out = new ArrayList<>();
    String load = s.load().isEmpty() ? "" : Format.fixed(s.load().get(0), 2) + " "
        + Format.fixed(s.load().get(Math.min(1, s.load().size() - 1)), 2) + " " + Format.fixed(s.load().get(s.load().size() - 1), 2);
    out.add(new Line(w).add(label("monitor.title"), bold).add("  " + s.host(), accent)
        .add("  " + label("monitor.uptime") + " " + Format.uptime(s.uptimeSeconds()))
        .add("  " + label("monitor.load") + " " + load).add("  " + s.os(), dim).toString());

    Snapshot.Cpu cpu = s.cpu();
    Line c = new Line(w).add(Line.fit(label("monitor.cpu"), 5, false), heading);
    int barW = Math.max(10, Math.min(40, w / 3));
    bar(c, cpu.total() / 100, Format.percent(cpu.total()), barW);
    c.add("  ").add(Format.sparkline(cpu.history(), Math.max(0, Math.min(60, c.left() - 20))), accent);
    c.add(coresLabel(cpu.cores().size()), dim);
    out.add(c.toString());
    out.addAll(cores(cpu.cores(), w));

    Snapshot.Memory mem = s.memory();
    int half = Math.max(10, (w - 12) / 2);
    Line ml = new Line(w).add(Line.fit(label("monitor.memory"), 5, false), heading);
    bar(ml, mem.total() == 0 ? 0 : (double) mem.used() / mem.total(),
        Format.bytes(mem.used()) + "/" + Format.bytes(mem.total()), half);
    ml.add(" ").add(Line.fit(label("monitor.swap"), 5, false), heading);
    bar(ml, mem.swapTotal() == 0 ? 0 : (double) mem.swapUsed() / mem.swapTotal(),
        Format.bytes(mem.swapUsed()) + "/" + Format.bytes(mem.swapTotal()), Math.max(4, ml.left()));
    out.add(ml.toString());

    out.addAll(limitRows.rows(s.limits(), w));
    out.addAll(fsRows.rows(s.filesystems(), w));
    Line io = new Line(w).add(Line.fit(label("monitor.io"), 5, false), heading);
    for (Snapshot.Rate d : s.disks()) {
      io.add(d.name(), bold).add(" r " + Format.rate(d.in()) + " w " + Format.rate(d.out()) + "   ");
    }
    out.add(io.toString());
    Line net = new Line(w).add(Line.fit(label("monitor.net"), 5, false), heading);
    List<Snapshot.Rate> nets = new ArrayList<>(s.networks());
    nets.sort((a, b) -> Boolean.compare(a.name().equals("lo"), b.name().equals("lo")));
    for (Snapshot.Rate n : nets) {
      net.add(n.name(), bold).add(" ↓" + Format.rate(n.in()) + " ↑" + Format.rate(n.out()) + "   ");
    }
    out.add(net.toString());
    out.addAll(gpuRows.rows(s.gpu(), w));
    out.addAll(ports(s.listeners(), w));
    return out;
  }

  private List<String> limits(Snapshot.Limits lim, int w) {
    List<String> out = new ArrayList<>(1);
    if (lim.any()) {
      String cpuText = Double.isNaN(lim.cpuCores()) ? label("monitor.no-limit")
          : m.get("monitor.cores-limit", Format.fixed(lim.cpuCores(), 2));
      String memText = lim.memoryLimit() < 0 ? label("monitor.no-limit")
          : (lim.memoryUsed() >= 0 ? Format.bytes(lim.memoryUsed()) + "/" : "") + Format.bytes(lim.memoryLimit());
      out.add(new Line(w).add(m.get("monitor.cgroup", lim.cgroupVersion()), warn)
          .add("  " + label("monitor.cpu") + " " + cpuText + "  " + label("monitor.memory") + " " + memText).toString());
    } else if (lim.container()) {
      out.add(new Line(w).add(label("monitor.container-unlimited"), warn).toString());
    }
    return out;
  }

  private List<String> filesystems(List<Snapshot.Fs> filesystems, int w) {
    List<String> out = new ArrayList<>(filesystems.size());
    for (Snapshot.Fs fs : filesystems) {
      Line l = new Line(w).add(Line.fit(label("monitor.disk"), 5, false), heading);
      bar(l, fs.total() == 0 ? 0 : (double) fs.used() / fs.total(), Format.bytes(fs.used()) + "/" + Format.bytes(fs.total()),
          Math.max(10, Math.min(30, w / 4)));
      l.add(" " + m.get("monitor.free", Format.bytes(fs.available())) + "  ").add(fs.mount(), bold)
          .add(" " + fs.device() + " " + fs.type(), dim);
      out.add(l.toString());
    }
    return out;
  }

  /**
   * The rows of a panel whose figures change seldom (file systems and the cgroup every 5th
   * refresh, the GPU every 3rd), kept while the sampler hands over the same object and the width
   * stays. Identity, not equals: a record's equals runs through method handles, which cost more
   * than the rows while the frame code is still interpreted.
   */
  private static final class Memo<T> {
    private final BiFunction<T, Integer, List<String>> make;
    private T input;
    private int width = -1;
    private List<String> rows = List.of();

    Memo(BiFunction<T, Integer, List<String>> make) {
      this.make = make;
    }

    List<String> rows(T now, int w) {
      if (w != width || now != input) {
        rows = make.apply(now, w);
        input = now;
        width = w;
      }
      return rows;
    }
  }

  private List<String> cores(List<Double> cores, int w) {
    List<String> out = new ArrayList<>();
    if (cores.size() <= 1) {
      return out;
    }
    int label = String.valueOf(cores.size() - 1).length();
    int cell = label + 14;
    int cols = Math.max(1, Math.min(cores.size(), (w + 1) / (cell + 1)));
    int rows = (cores.size() + cols - 1) / cols;
    if (rows > 4) {
      // many cores: one block character each, as glances does, rather than a page of bars
      StringBuilder b = new StringBuilder();
      for (double c : cores) {
        b.append(Format.spark(c));
      }
      String all = b.toString();
      int per = Math.max(1, w - 6);
      for (int i = 0; i < all.length() && out.size() < 3; i += per) {
        out.add(new Line(w).add("      ").add(all.substring(i, Math.min(all.length(), i + per)), accent).toString());
      }
      return out;
    }
    int cw = (w - (cols - 1)) / cols;
    for (int r = 0; r < rows; r++) {
      Line l = new Line(w);
      for (int col = 0; col < cols; col++) {
        int i = r + col * rows;
        if (i >= cores.size()) {
          break;
        }
        l.pad(col * (cw + 1));
        l.add(Line.fit(Integer.toString(i), label, true) + " ", dim);
        bar(l, cores.get(i) / 100, Format.fixed(cores.get(i), 0) + "%", Math.max(6, cw - label - 1));
      }
      out.add(l.toString());
    }
    return out;
  }

  private List<String> gpu(Snapshot.GpuPanel g, int w) {
    List<String> out = new ArrayList<>();
    if (g.gpus().isEmpty()) {
      String why = g.problem() == null ? label("monitor.gpu-unknown")
          : g.problem().equals("absent") ? label("monitor.no-gpu") : g.problem();
      out.add(new Line(w).add(Line.fit(label("monitor.gpu"), 5, false), heading).add(why, dim).toString());
      return out;
    }
    for (Snapshot.Gpu gpu : g.gpus()) {
      Line l = new Line(w).add(Line.fit(label("monitor.gpu") + gpu.index(), 5, false), heading);
      bar(l, gpu.utilization() == null ? 0 : gpu.utilization() / 100,
          gpu.utilization() == null ? "N/A" : Format.fixed(gpu.utilization(), 0) + "%", 12);
      String mem = gpu.memoryUsedMiB() == null || gpu.memoryTotalMiB() == null ? "N/A"
          : Format.bytes(gpu.memoryUsedMiB() * 1048576.0) + "/" + Format.bytes(gpu.memoryTotalMiB() * 1048576.0);
      String temp = gpu.temperature() == null ? "N/A" : Format.fixed(gpu.temperature(), 0) + "°C";
      l.add(" " + label("monitor.gpu-memory") + " " + mem + "  " + temp + "  ").add(gpu.name(), bold);
      out.add(l.toString());
    }
    return out;
  }

  private List<String> ports(List<Snapshot.Listener> listeners, int w) {
    // tcp4 and tcp6 sockets of one program on one port are one entry
    Map<String, String> entries = new LinkedHashMap<>();
    List<Snapshot.Listener> byPort = new ArrayList<>(listeners);
    byPort.sort(java.util.Comparator.comparingInt(Snapshot.Listener::port));
    for (Snapshot.Listener l : byPort) {
      entries.putIfAbsent(l.port() + "/" + l.pid(), l.port() + " " + (l.pid() < 0 ? "?" : l.command() + "(" + l.pid() + ")"));
    }
    List<String> out = new ArrayList<>();
    Line l = new Line(w).add(Line.fit(label("monitor.ports"), 6, false), heading);
    if (entries.isEmpty()) {
      l.add(label("monitor.no-ports"), dim);
    }
    int i = 0;
    for (String e : entries.values()) {
      int rest = entries.size() - i;
      String more = "+" + rest;
      if (Width.of(e) + 2 > l.left() - (rest > 1 ? more.length() + 1 : 0)) {
        if (out.isEmpty()) {
          out.add(l.toString());
          l = new Line(w).add("      ");
        }
        if (Width.of(e) + 2 > l.left() - (rest > 1 ? more.length() + 1 : 0)) {
          l.add(more, dim);
          break;
        }
      }
      l.add(e).add("  ");
      i++;
    }
    out.add(l.toString());
    return out;
  }

  private List<String> processes(Snapshot s, View v, int w, int rows) {
    List<String> out = new ArrayList<>();
    if (rows <= 0) {
      return out;
    }
    String mark = "▼";
    Line h = new Line(w).add(" ")
        .add(Line.fit(label("monitor.col.pid") + (v.sort() == View.Sort.PID ? mark : ""), 7, true))
        .add(" ").add(Line.fit(label("monitor.col.user"), 9, false))
        .add(Line.fit(label("monitor.col.cpu") + (v.sort() == View.Sort.CPU ? mark : ""), 7, true))
        .add(Line.fit(label("monitor.col.mem") + (v.sort() == View.Sort.MEMORY ? mark : ""), 7, true))
        .add(Line.fit(label("monitor.col.rss"), 7, true)).add(" S ").add(label("monitor.col.command"));
    String head = h.toString() + " ".repeat(Math.max(0, h.left()));
    out.add(theme.color() ? "\u001b[7m" + head + "\u001b[0m" : head);
    List<ProcessOrder.Row> order = ProcessOrder.rows(s.processes(), v);
    long selected = selected(order, v);
    double total = s.memory().total();
    int at = 0;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).proc().pid() == selected) {
        at = i;
      }
    }
    // keep the selected row on screen when the learner moves below the last one shown
    int first = Math.max(0, at - (rows - 2));
    for (int i = first; i < order.size() && out.size() < rows; i++) {
      Snapshot.Proc p = order.get(i).proc();
      boolean sel = p.pid() == selected;
      UnaryOperator<String> st = sel ? bold : UnaryOperator.identity();
      Line l = new Line(w).add(sel ? "›" : " ", warn)
          .add(Line.fit(Long.toString(p.pid()), 7, true), st).add(" ")
          .add(Line.fit(p.user(), 9, false), dim)
          .add(Line.fit(Format.fixed(p.cpu(), 1), 7, true), p.cpu() >= 50 ? bad : st)
          .add(Line.fit(Format.fixed(total == 0 ? 0 : 100.0 * p.rss() / total, 1), 7, true), st)
          .add(Line.fit(Format.bytes(p.rss()), 7, true), st).add(" " + p.state() + " ")
          .add(order.get(i).branch(), dim).add(p.command(), sel ? bold : UnaryOperator.identity());
      out.add(l.toString());
    }
    if (order.isEmpty() && out.size() < rows) {
      out.add(new Line(w).add("  " + m.get("monitor.no-match", v.filter()), dim).toString());
    }
    return out;
  }

  /** The selected pid: the learner's choice while it is shown, else the top row. */
  static long selected(List<ProcessOrder.Row> order, View v) {
    if (v.selectedPid() == NO_SELECTION) {
      return -1;
    }
    for (ProcessOrder.Row r : order) {
      if (r.proc().pid() == v.selectedPid()) {
        return v.selectedPid();
      }
    }
    return order.isEmpty() ? -1 : order.get(0).proc().pid();
  }

  private String footer(View v, Snapshot s, int w) {
    Line l = new Line(w);
    switch (v.mode()) {
      case FILTER -> l.add(label("monitor.filter-prompt") + " ", bold).add(v.input() + "▏")
          .add("  " + label("monitor.filter-keys"), dim);
      case CONFIRM_KILL -> {
        Snapshot.Proc p = s.processes().stream().filter(x -> x.pid() == v.selectedPid()).findFirst().orElse(null);
        String what = p == null ? Long.toString(v.selectedPid()) : p.pid() + " (" + p.command() + ")";
        l.add(m.get("monitor.kill-ask", what), warn);
      }
      default -> {
        if (!v.note().isEmpty()) {
          l.add(v.note(), warn).add("  ");
        } else if (!v.filter().isEmpty()) {
          l.add(m.get("monitor.filtered", v.filter()), accent).add("  ");
        }
        l.add(label("monitor.keys"), dim);
      }
    }
    return l.toString();
  }

  /** A meter "[|||||     23%]" of {@code width} columns with the text inside at the right. */
  private void bar(Line l, double fraction, String text, int width) {
    int inner = Math.max(1, width - 2);
    String t = Line.cut(text, inner);
    int tw = Width.of(t);
    int fill = (int) Math.round(Math.max(0, Math.min(1, fraction)) * inner);
    int bars = Math.min(fill, inner - tw);
    UnaryOperator<String> level = fraction >= 0.85 ? bad : fraction >= 0.6 ? warn : ok;
    l.add("[").add("|".repeat(Math.max(0, bars)), level).add(" ".repeat(Math.max(0, inner - tw - bars)))
        .add(t, dim).add("]");
  }
}

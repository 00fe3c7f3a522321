package dev.shellcamp.monitor;

import static dev.shellcamp.json.Json.array;
import static dev.shellcamp.json.Json.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot as maps and lists for `monitor --once --json`: bytes and bytes/s as numbers, processes by current CPU. */
public final class SnapshotJson {
  private SnapshotJson() {}

  public static Map<String, Object> of(Snapshot s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("taken_at_ms", s.takenAtMillis());
    o.put("host", s.host());
    o.put("os", s.os());
    o.put("uptime_s", round(s.uptimeSeconds()));
    o.put("load", s.load());
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("model", s.cpu().model());
    cpu.put("total_pct", round(s.cpu().total()));
    cpu.put("cores_pct", s.cpu().cores().stream().map(SnapshotJson::round).toList());
    o.put("cpu", cpu);
    Map<String, Object> mem = new LinkedHashMap<>();
    mem.put("total", s.memory().total());
    mem.put("used", s.memory().used());
    mem.put("available", s.memory().available());
    mem.put("swap_total", s.memory().swapTotal());
    mem.put("swap_used", s.memory().swapUsed());
    o.put("memory", mem);
    o.put("filesystems", array(s.filesystems(), f -> object("device", f.device(), "mount", f.mount(), "type", f.type(),
        "total", f.total(), "used", f.used(), "available", f.available())));
    o.put("disks", array(s.disks(), d -> object("name", d.name(), "read_bps", round(d.in()), "write_bps", round(d.out()))));
    o.put("networks", array(s.networks(), n -> object("name", n.name(), "rx_bps", round(n.in()), "tx_bps", round(n.out()))));
    Map<String, Object> lim = new LinkedHashMap<>();
    lim.put("container", s.limits().container());
    lim.put("cgroup_version", s.limits().cgroupVersion());
    lim.put("cpu_cores", Double.isNaN(s.limits().cpuCores()) ? null : round(s.limits().cpuCores()));
    lim.put("memory_limit", s.limits().memoryLimit() < 0 ? null : s.limits().memoryLimit());
    lim.put("memory_used", s.limits().memoryUsed() < 0 ? null : s.limits().memoryUsed());
    o.put("cgroup", lim);
    Map<String, Object> gpu = new LinkedHashMap<>();
    gpu.put("problem", s.gpu().problem() == null ? null : s.gpu().problem().equals("absent") ? "no GPU found" : s.gpu().problem());
    gpu.put("gpus", array(s.gpu().gpus(), g -> object("index", g.index(), "name", g.name(), "utilization_pct", g.utilization(),
        "memory_used_mib", g.memoryUsedMiB(), "memory_total_mib", g.memoryTotalMiB(), "temperature_c", g.temperature())));
    o.put("gpu", gpu);
    o.put("listening", array(s.listeners(), l -> object("protocol", l.protocol(), "address", l.address(), "port", l.port(),
        "pid", l.pid() < 0 ? null : l.pid(), "command", l.command())));
    List<Snapshot.Proc> procs = new ArrayList<>(s.processes());
    procs.sort(ProcessOrder.comparator(View.Sort.CPU));
    o.put("processes", array(procs, p -> object("pid", p.pid(), "ppid", p.ppid(), "user", p.user(), "state", String.valueOf(p.state()),
        "cpu_pct", round(p.cpu()), "rss", p.rss(), "name", p.name(), "command", p.command())));
    return o;
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}

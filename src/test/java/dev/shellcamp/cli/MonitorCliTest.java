package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** `shellcamp monitor --once --json` as a script would run it. */
class MonitorCliTest {
  @TempDir Path data;

  @Test
  @SuppressWarnings("unchecked")
  void onceJsonIsOneDocumentWithEveryPanel() throws Exception {
    Cli.Run r = Cli.run(data, "", "monitor", "--once", "--json", "--interval", "300ms");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "nothing on stderr (no logging noise)");
    // JSON is YAML 1.2; the project reads JSON through the YAML parser
    Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.out());
    assertEquals(List.of("taken_at_ms", "host", "os", "uptime_s", "load", "cpu", "memory", "filesystems", "disks",
        "networks", "cgroup", "gpu", "listening", "processes"), List.copyOf(doc.keySet()));
    Map<String, Object> mem = (Map<String, Object>) doc.get("memory");
    assertTrue(((Number) mem.get("total")).longValue() > 0, mem.toString());
    List<Map<String, Object>> procs = (List<Map<String, Object>>) doc.get("processes");
    assertTrue(procs.size() > 3, "processes: " + procs.size());
    assertTrue(procs.get(0).keySet().containsAll(List.of("pid", "ppid", "user", "cpu_pct", "rss", "command")));
    Map<String, Object> gpu = (Map<String, Object>) doc.get("gpu");
    assertTrue(gpu.containsKey("gpus") && gpu.containsKey("problem"), gpu.toString());
    assertTrue(((List<?>) doc.get("filesystems")).size() >= 1);
    assertTrue(((Map<String, Object>) doc.get("cpu")).get("cores_pct") instanceof List);
  }

  @Test
  void jsonWithoutOnceAndABadIntervalAreUsageErrors() throws Exception {
    assertEquals(ExitCodes.USAGE, Cli.run(data, "", "monitor", "--json").code());
    Cli.Run bad = Cli.run(data, "", "monitor", "--once", "--interval", "soon");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("--interval"), bad.err());
  }

  @Test
  void withoutATerminalTheLiveMonitorPointsToOnce() throws Exception {
    Cli.Run r = Cli.run(data, "", "monitor");
    assertEquals(ExitCodes.ENVIRONMENT, r.code());
    assertTrue(r.err().contains("--once --json"), r.err());
  }
}

package dev.shellcamp.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GPUs through nvidia-smi's CSV query: one line per GPU, fields that a GPU cannot report
 * ("[N/A]", "[Not Supported]") become nulls rather than a failed panel.
 */
final class NvidiaSmi {
  static final List<String> QUERY = List.of("nvidia-smi",
      "--query-gpu=name,utilization.gpu,memory.used,memory.total,temperature.gpu", "--format=csv,noheader,nounits");

  private final String executable;

  NvidiaSmi(String executable) {
    this.executable = executable;
  }

  /** nvidia-smi from PATH, or null where there is none. */
  static NvidiaSmi onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, "nvidia-smi");
      if (f.canExecute()) {
        return new NvidiaSmi(f.getPath());
      }
    }
    return null;
  }

  Snapshot.GpuPanel query() {
    List<String> cmd = new ArrayList<>(QUERY);
    cmd.set(0, executable);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Snapshot.GpuPanel(List.of(), "nvidia-smi did not answer in 5 s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        // e.g. "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"
        String first = text.strip().lines().findFirst().orElse("exit " + p.exitValue());
        return new Snapshot.GpuPanel(List.of(), first);
      }
      return new Snapshot.GpuPanel(parse(text), null);
    } catch (IOException e) {
      return new Snapshot.GpuPanel(List.of(), "nvidia-smi: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Snapshot.GpuPanel(List.of(), "interrupted");
    }
  }

  /** The CSV nvidia-smi prints for QUERY; lines that do not have five fields are skipped. */
  static List<Snapshot.Gpu> parse(String csv) {
    List<Snapshot.Gpu> out = new ArrayList<>();
    for (String line : csv.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      // the name comes first and never holds a comma in practice; split from the right anyway
      String[] f = line.split(",");
      if (f.length < 5) {
        continue;
      }
      int n = f.length;
      String name = String.join(",", java.util.Arrays.copyOfRange(f, 0, n - 4)).strip();
      out.add(new Snapshot.Gpu(out.size(), name, decimal(f[n - 4]), whole(f[n - 3]), whole(f[n - 2]), decimal(f[n - 1])));
    }
    return out;
  }

  private static Double decimal(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null; // "[N/A]", "[Not Supported]", "[Unknown Error]"
    }
  }

  private static Long whole(String s) {
    Double d = decimal(s);
    return d == null ? null : Math.round(d);
  }
}

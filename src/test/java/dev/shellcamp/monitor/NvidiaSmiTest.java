package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nvidia-smi's CSV in the format it prints for our query (one H100, four A100s, GPUs that report [N/A]); written by hand, no GPU here. */
class NvidiaSmiTest {
  @TempDir Path dir;

  @Test
  void oneGpu() throws IOException {
    List<Snapshot.Gpu> g = NvidiaSmi.parse(recorded("nvidia-smi-h100.csv"));
    assertEquals(List.of(new Snapshot.Gpu(0, "NVIDIA H100 80GB HBM3", 0.0, 1L, 81559L, 32.0)), g);
  }

  @Test
  void severalGpusKeepTheirOrderAsIndex() throws IOException {
    List<Snapshot.Gpu> g = NvidiaSmi.parse(recorded("nvidia-smi-4xa100.csv"));
    assertEquals(4, g.size());
    assertEquals(new Snapshot.Gpu(1, "NVIDIA A100-SXM4-80GB", 97.0, 70211L, 81920L, 58.0), g.get(1));
    assertEquals(3, g.get(3).index());
    assertEquals(30.0, g.get(3).temperature());
  }

  @Test
  void fieldsAGpuCannotReportAreNullNotAFailure() throws IOException {
    List<Snapshot.Gpu> g = NvidiaSmi.parse(recorded("nvidia-smi-na.csv"));
    assertEquals(2, g.size(), "CRLF line ends and a blank last line: " + g);
    assertEquals("NVIDIA GeForce RTX 3060 Laptop GPU", g.get(0).name());
    assertNull(g.get(0).utilization());
    assertNull(g.get(0).temperature());
    assertEquals(5L, g.get(0).memoryUsedMiB());
    assertNull(g.get(1).utilization(), "[Not Supported]");
    assertEquals(34.0, g.get(1).temperature());
  }

  @Test
  void linesThatAreNotTheQueryAreSkipped() {
    assertEquals(List.of(), NvidiaSmi.parse("No devices were found\n"));
  }

  @Test
  void aFailingNvidiaSmiBecomesTheReasonOnThePanel() throws Exception {
    // the real failure a machine without a loaded driver gives: a message and exit status 9
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\necho \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\"\nexit 9\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    Snapshot.GpuPanel p = new NvidiaSmi(smi.toString()).query();
    assertTrue(p.gpus().isEmpty());
    assertTrue(p.problem().startsWith("NVIDIA-SMI has failed"), p.problem());
  }

  @Test
  void theQueryAsksForTheFiveFieldsInOrder() throws Exception {
    // an nvidia-smi that prints its arguments shows what we run
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\necho \"$@\" > " + dir.resolve("args") + "\ncat " + dir.resolve("out") + "\n");
    Files.writeString(dir.resolve("out"), recorded("nvidia-smi-4xa100.csv"));
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    Snapshot.GpuPanel p = new NvidiaSmi(smi.toString()).query();
    assertEquals(4, p.gpus().size());
    assertEquals("--query-gpu=name,utilization.gpu,memory.used,memory.total,temperature.gpu --format=csv,noheader,nounits",
        Files.readString(dir.resolve("args")).strip());
  }

  private static String recorded(String name) throws IOException {
    try (InputStream in = NvidiaSmiTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

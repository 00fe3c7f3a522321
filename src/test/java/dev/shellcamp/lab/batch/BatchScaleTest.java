package dev.shellcamp.lab.batch;

import static dev.shellcamp.lab.batch.BatchJobTest.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.CommandRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weekly job's worth of rows: fast enough for cron, and every row accounted for. */
class BatchScaleTest {
  @TempDir Path dir;

  @Test
  void hundredThousandRowsInAFewSecondsEveryRowAccountedFor() throws IOException {
    Path in = dir.resolve("in.csv");
    SplittableRandom rnd = new SplittableRandom(42);
    int bad = 0;
    try (BufferedWriter w = Files.newBufferedWriter(in)) {
      w.write(BatchJobTest.IRIS_HEADER);
      for (int i = 0; i < 100_000; i++) {
        // one row in a thousand is broken, the way real exports are
        boolean broken = i % 1000 == 999;
        bad += broken ? 1 : 0;
        w.write("\"flower " + i + "\"," + (broken ? "" : String.format("%.1f", 4.3 + rnd.nextDouble() * 3.6)) + ","
            + String.format("%.1f,%.1f,%.1f", 2 + rnd.nextDouble() * 2.4, 1 + rnd.nextDouble() * 5.9,
                0.1 + rnd.nextDouble() * 2.4) + "\r\n");
      }
    }
    Path out = dir.resolve("out.csv");
    long start = System.nanoTime();
    CommandRun r = batch("--model", "iris", "--input", in.toString(), "--output", out.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("lab batch: 100,000 iris rows in %.2f s%n", seconds);
    assertEquals(0, r.code(), r.err());
    assertTrue(seconds < 10, "took " + seconds + " s");
    assertEquals(100, bad);
    assertTrue(r.out().startsWith("100000 rows read = 99900 predicted + 100 rejected\n"), r.out());
    List<String> rows = Files.readAllLines(out);
    assertEquals(99_901, rows.size());
    assertTrue(rows.get(1).startsWith("flower 0,"), "the input's quotes were only CSV syntax: " + rows.get(1));
    assertEquals(101, Files.readAllLines(BatchJob.defaultRejects(out)).size());
    // input order: the ids ascend, skipping the rejected ones
    int next = 0;
    for (String row : rows.subList(1, rows.size())) {
      int id = Integer.parseInt(row.substring("flower ".length(), row.indexOf(',')));
      next += next % 1000 == 999 ? 1 : 0;
      assertEquals(next++, id);
    }
  }
}

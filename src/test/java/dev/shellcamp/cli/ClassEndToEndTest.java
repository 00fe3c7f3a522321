package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.classroom.RealClass;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class as it happens: the real class server, three learners' tutors (piped, each with its own
 * data folder, at once) on three lessons; the instructor's API and CSV show each one where they are.
 */
class ClassEndToEndTest {
  @TempDir Path dir;

  @Test
  void threeLearnersOnThreeLessonsAreEachWhereTheyAre() throws Exception {
    try (RealClass server = new RealClass()) {
      String[] join = {"--class", server.url(), "--code", server.code(), "--name"};
      CompletableFuture<Cli.Run> mina = learner(join, "Mina", "echo $SHELL\npwd\n:quit\n", "linux/shell-basics");
      CompletableFuture<Cli.Run> jae = learner(join, "Jae", ":answer 2\necho wrong > shopping.txt\n:check\n:quit\n", "linux/streams");
      CompletableFuture<Cli.Run> su = learner(join, "Su", ":hint\n:quit\n", "linux/files");
      for (CompletableFuture<Cli.Run> run : List.of(mina, jae, su)) {
        assertEquals(0, run.get().code(), run.get().err() + run.get().out());
      }
      Map<String, JsonNode> rows = new HashMap<>();
      long end = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < end) {
        rows.clear();
        server.learners().forEach(r -> rows.put(r.get("name").asText(), r));
        if (rows.size() == 3 && rows.values().stream().allMatch(r -> r.get("left").asBoolean())) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(3, rows.size(), rows.toString());
      assertAt(rows.get("Mina"), "linux/shell-basics", "ls-hidden", 2);
      assertEquals(2, rows.get("Mina").get("passed").asInt());
      assertAt(rows.get("Jae"), "linux/streams", "overwrite", 1);
      assertTrue(rows.get("Jae").get("fails").asInt() >= 1, rows.get("Jae").toString());
      assertTrue(rows.get("Jae").get("last_reason").get("ko").asText().contains("wrong"), rows.get("Jae").toString());
      assertAt(rows.get("Su"), "linux/files", "cp", 0);
      assertEquals(1, rows.get("Su").get("hints").asInt());
      for (JsonNode r : rows.values()) {
        assertTrue(r.get("left").asBoolean(), "each tutor said it left: " + r);
      }

      String csv = server.csv();
      assertEquals(4, csv.split("\r\n").length, csv);
      assertTrue(csv.contains(",Mina,linux/shell-basics,ls-hidden,3,"), csv);
      assertTrue(csv.contains(",Jae,linux/streams,overwrite,2,"), csv);
      assertTrue(csv.contains(",Su,linux/files,cp,1,"), csv);
    }
  }

  private CompletableFuture<Cli.Run> learner(String[] join, String name, String input, String lesson) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        String[] args = new String[join.length + 3];
        System.arraycopy(join, 0, args, 0, join.length);
        args[join.length] = name;
        args[join.length + 1] = "start";
        args[join.length + 2] = lesson;
        java.nio.file.Files.createDirectories(dir.resolve(name));
        return Cli.run(dir.resolve(name), input, args);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void assertAt(JsonNode row, String lesson, String step, int index) {
    assertEquals(lesson, row.get("lesson").asText(), row.toString());
    assertEquals(step, row.get("step").asText(), row.toString());
    assertEquals(index, row.get("index").asInt(), row.toString());
  }
}

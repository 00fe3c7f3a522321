package dev.shellcamp.classlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventQueueTest {
  @TempDir Path dir;

  private static ClassEvent step(int i) {
    return ClassEvent.of(EventType.STEP_ENTERED, new Where("linux/streams", "s" + i, i, 9));
  }

  @Test
  void queueSurvivesARestartAndSeqGoesOn() throws Exception {
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      for (int i = 0; i < 5; i++) {
        assertEquals(i + 1, q.append(step(i)));
      }
    }
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      assertEquals(5, q.unsent());
      assertEquals(6, q.append(step(5)));
      List<EventQueue.Queued> all = q.peek(100, 1 << 20);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), all.stream().map(EventQueue.Queued::seq).toList());
      q.acknowledge(6);
      assertEquals(0, Files.size(dir.resolve("queue.jsonl")), "everything acknowledged: the file is emptied");
    }
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      assertEquals(0, q.unsent());
      assertEquals(7, q.append(step(6)), "seq goes on from the acknowledged one when the file is empty");
    }
  }

  @Test
  void aLineTornByACrashIsCutAndTheNextAppendStartsItsOwnLine() throws Exception {
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      q.append(step(0));
      q.append(step(1));
    }
    Files.writeString(dir.resolve("queue.jsonl"), "{\"seq\":3,\"type\":\"st", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      assertEquals(2, q.unsent());
      assertEquals(3, q.append(step(2)));
    }
    List<String> lines = Files.readAllLines(dir.resolve("queue.jsonl"));
    assertEquals(3, lines.size(), String.join("\n", lines));
    lines.forEach(l -> assertTrue(Wire.seqOf(l) > 0, l));
  }

  @Test
  void beyondTheBoundTheOldestAreDroppedAndCountedAndTheFileIsRewritten() throws Exception {
    try (EventQueue q = EventQueue.open(dir, 10)) {
      for (int i = 0; i < 35; i++) {
        q.append(step(i));
      }
      assertEquals(10, q.unsent());
      assertEquals(25, q.dropped());
      assertEquals(26, q.peek(100, 1 << 20).get(0).seq());
      q.compact();
      assertEquals(10, Files.readAllLines(dir.resolve("queue.jsonl")).size(), "the disk keeps to the bound too");
      assertEquals(36, q.append(step(35)));
    }
    try (EventQueue q = EventQueue.open(dir, 10)) {
      assertEquals(10, q.unsent());
      assertEquals(27, q.peek(1, 1 << 20).get(0).seq());
    }
  }

  @Test
  void aBatchKeepsToTheCountAndTheSize() throws Exception {
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      for (int i = 0; i < 250; i++) {
        q.append(step(i));
      }
      assertEquals(100, q.peek(100, 1 << 20).size());
      int one = q.peek(1, 1 << 20).get(0).line().length() + 1;
      assertEquals(3, q.peek(100, one * 3 + 2).size());
      assertEquals(1, q.peek(100, 1).size(), "one at least, however large");
    }
  }

  @Test
  void linesAreTheProtocolsEvents() throws Exception {
    try (EventQueue q = EventQueue.open(dir, 1000)) {
      q.append(ClassEvent.failed(new Where("linux/streams", "overwrite", 1, 9),
          java.util.Map.of("en", "x".repeat(3000), "ko", "다")));
      q.append(ClassEvent.of(EventType.IDLE, null));
    }
    List<String> lines = Files.readAllLines(dir.resolve("queue.jsonl"));
    var first = Wire.JSON.readTree(lines.get(0));
    assertEquals("check_failed", first.get("type").asText());
    assertEquals("overwrite", first.get("step").asText());
    assertEquals(1, first.get("index").asInt());
    assertEquals(ClassEvent.MAX_REASON, first.get("reason").get("en").asText().length());
    assertEquals("{\"seq\":2,\"type\":\"idle\",\"at\":", lines.get(1).substring(0, lines.get(1).indexOf(':', 24) + 1));
  }
}

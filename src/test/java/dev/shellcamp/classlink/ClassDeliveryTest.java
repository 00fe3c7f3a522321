package dev.shellcamp.classlink;

import static dev.shellcamp.Await.until;
import static dev.shellcamp.classlink.Sending.AT;
import static dev.shellcamp.classlink.Sending.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import dev.shellcamp.classroom.RealClass;
import dev.shellcamp.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against the real class server: stopped and started again, notes, idle, the queue's
 * bound, leaving. ClassSendingTest has the faults a real server does not make on cue.
 */
class ClassDeliveryTest {
  @TempDir Path data;
  @AutoClose private final RealClass server = new RealClass();

  ClassDeliveryTest() throws Exception {}

  private ClassConnection joined(Timing t) throws JoinFailure {
    return Sending.joined(data, t, server.url(), server.code());
  }

  @Test
  void serverDownThenBackDeliversEverythingOnceInOrderAcrossATutorRestart() throws Exception {
    ClassConnection c = joined(FAST);
    until("joined", Duration.ofSeconds(5), () -> server.events().size() == 1);
    server.stop();
    for (int i = 0; i < 20; i++) {
      c.emit(EventType.STEP_ENTERED, AT);
    }
    Await.upTo(Duration.ofSeconds(5), () -> c.status().orElseThrow().problem() != null);  // a send has failed
    assertEquals(20, c.status().orElseThrow().unsent());
    assertTrue(c.status().get().problem() != null, "the status says why: " + c.status().get());
    c.close();

    ClassConnection again = ClassConnection.open(data, FAST);
    assertEquals(20, again.status().orElseThrow().unsent(), "the queue outlived the tutor");
    for (int i = 0; i < 20; i++) {
      again.emit(EventType.HINT, AT);
    }
    Thread.sleep(300);  // deliberate: the server stays down a while longer, with the sender retrying
    server.start();
    until("41 events", Duration.ofSeconds(10), () -> server.events().size() == 41);
    assertEquals(LongStream.rangeClosed(1, 41).boxed().toList(), server.seqs(), "in order, seq going on after the restart");
    until("the queue emptied", Duration.ofSeconds(5), () -> again.status().get().unsent() == 0);
    assertEquals(0, Files.size(data.resolve("class/queue.jsonl")), "compacted once everything was acknowledged");
    again.close();
  }

  /**
   * Emit is one append whatever the server does: with every answer taking 5 s, 1,000 emits have a
   * p99 under 1 ms and none comes near the 5 s a network wait would cost. This machine is shared
   * (a single emit preempted for a few ms is the scheduler, not us), so a round whose p99 was hit
   * may be measured again, at most 5 rounds.
   */
  @Test
  void notesAreFetchedOnceEvenAcrossARestart() throws Exception {
    ClassConnection c = joined(FAST);
    String learner = c.link().orElseThrow().learner();
    server.broadcast("Everyone: try ls -l");
    server.hint(learner, "Mina, look at the > sign");
    server.hint("l-99", "not for Mina");
    List<Note> notes = new java.util.ArrayList<>();
    until("two notes", Duration.ofSeconds(5), () -> {
      notes.addAll(c.takeNotes());
      return notes.size() >= 2;
    });
    assertEquals(List.of("Everyone: try ls -l", "Mina, look at the > sign"), notes.stream().map(Note::text).toList());
    assertFalse(notes.get(0).forMeOnly());
    assertTrue(notes.get(1).forMeOnly());
    until("the last note shown saved", Duration.ofSeconds(5), () -> {
      try {
        return Files.readString(data.resolve("class/link.json")).contains("\"last_note\":2");
      } catch (java.io.IOException e) {
        return false;
      }
    });
    Thread.sleep(500);  // deliberate: a few more fetches (every 200 ms) bring nothing new
    assertEquals(List.of(), c.takeNotes());
    c.close();
    ClassConnection again = ClassConnection.open(data, FAST);
    Thread.sleep(600);  // deliberate: the new connection's first fetches bring nothing
    assertEquals(List.of(), again.takeNotes(), "shown notes are not shown again after a restart");
    again.close();
  }

  @Test
  void idleIsSentOncePerIdlePeriod() throws Exception {
    ClassConnection c = joined(FAST.withIdleAfter(Duration.ofMillis(400)));
    until("idle", Duration.ofSeconds(5), () -> server.types().contains("idle"));
    Thread.sleep(900);  // deliberate: longer than two idle periods of 400 ms, and still one idle
    assertEquals(1, server.types().stream().filter("idle"::equals).count(), server.types().toString());
    c.lineEntered();
    until("idle again", Duration.ofSeconds(5), () -> server.types().stream().filter("idle"::equals).count() == 2);
    c.close();
  }

  @Test
  void beyondTheBoundTheOldestAreDroppedAndTheLearnerIsToldOnce() throws Exception {
    Timing ten = new Timing(FAST.firstBackoff(), FAST.maxBackoff(), FAST.notesEvery(), FAST.idleAfter(), FAST.tick(), 10);
    ClassConnection c = joined(ten);
    until("joined", Duration.ofSeconds(5), () -> server.events().size() == 1);
    server.stop();
    for (int i = 0; i < 15; i++) {
      c.emit(EventType.HINT, AT);
    }
    List<String> told = new java.util.ArrayList<>();
    until("the notice", Duration.ofSeconds(5), () -> told.addAll(c.takeNotices(Messages.of("en"))));
    assertTrue(told.get(0).contains("oldest class events were dropped") && told.get(0).contains("at most 10 wait"),
        told.toString());
    assertEquals(5, c.status().orElseThrow().dropped());
    assertEquals(10, c.status().get().unsent());
    Thread.sleep(300);  // deliberate: more failed sends meanwhile, and no second notice
    assertEquals(List.of(), c.takeNotices(Messages.of("en")), "said once");
    server.start();
    until("the newest ten", Duration.ofSeconds(10), () -> server.events().size() == 11);
    assertEquals(LongStream.rangeClosed(7, 16).boxed().toList(), server.seqs().subList(1, 11));
    c.close();
  }

  @Test
  void leavingSaysSoAndForgetsTheLink() throws Exception {
    ClassConnection c = joined(FAST);
    c.emit(EventType.LESSON_STARTED, AT);
    assertEquals(0, c.leave());
    assertEquals(List.of("joined", "lesson_started", "left"), server.types());
    assertFalse(Files.exists(data.resolve("class/link.json")));
    assertTrue(c.status().isEmpty());
    c.emit(EventType.HINT, AT);  // not joined: goes nowhere, fails nothing
    c.close();
  }
}

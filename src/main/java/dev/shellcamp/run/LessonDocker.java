package dev.shellcamp.run;

import dev.shellcamp.docker.BaseImage;
import dev.shellcamp.docker.DockerGateway;
import dev.shellcamp.lesson.Lesson;
import java.io.IOException;
import java.util.Set;

/**
 * The Docker side of a lesson that {@code requires: [docker]}: the local base image exists
 * before setup runs, and the engine objects labelled with the lesson are removed on a fresh
 * start, on reset and between verify's attempts.
 */
public final class LessonDocker {
  private final DockerGateway docker;
  private final String lessonId;
  private Set<String> atStep = Set.of();

  private LessonDocker(DockerGateway docker, String lessonId) {
    this.docker = docker;
    this.lessonId = lessonId;
  }

  /** Where the base image's build reports, and how Ctrl-C reaches it. */
  public interface Progress {
    void line(String engineLine);

    boolean cancelled();

    /** Called once before a build starts and once after, so a progress line can be set up and ended. */
    void building(boolean started);
  }

  /** For verify: builds silently and cannot be interrupted but by the process ending. */
  public static final Progress QUIET = new Progress() {
    @Override
    public void line(String engineLine) {
    }

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public void building(boolean started) {
    }
  };

  /** The engine is missing or the base image could not be built: the lesson cannot start. */
  public static final class Unavailable extends IOException {
    Unavailable(String why) {
      super(why);
    }
  }

  /**
   * Null when the lesson does not use Docker, or only some of its steps do and there is no
   * engine (those steps are skipped). A lesson that {@code requires: [docker]} cannot start then.
   */
  public static LessonDocker prepare(Lesson lesson, boolean fresh, Progress progress) throws Unavailable {
    boolean whole = lesson.requires().contains("docker");
    if (!lesson.uses("docker")) {
      return null;
    }
    DockerGateway.Connection c = DockerGateway.connect();
    if (!c.ok()) {
      if (whole) {
        throw new Unavailable(c.status().detail());
      }
      return null;
    }
    if (c.gateway().image(BaseImage.TAG).isEmpty()) {
      progress.building(true);
      try {
        BaseImage.ensure(c.gateway(), progress::line, progress::cancelled);
      } catch (IOException e) {
        throw new Unavailable(e.getMessage());
      } finally {
        progress.building(false);
      }
    }
    LessonDocker d = new LessonDocker(c.gateway(), lesson.id());
    if (fresh) {
      d.removeAll();
    }
    return d;
  }

  /** Removes every engine object of this lesson; nothing of the learner's own is touched. */
  public static int reset(String lessonId) {
    DockerGateway.Connection c = DockerGateway.connect();
    return c.ok() ? c.gateway().removeLabelled(lessonId, Set.of()) : 0;
  }

  public void removeAll() {
    docker.removeLabelled(lessonId, Set.of());
  }

  /** What exists when a step begins, before its setup: verify puts the engine back to this. */
  void markStep() {
    atStep = docker.labelled(lessonId);
  }

  /** Removes what the last attempt added, so the next attempt starts as the step did. */
  void undoAttempt() {
    docker.removeLabelled(lessonId, atStep);
  }
}

package dev.shellcamp.progress;

import dev.shellcamp.json.Json;
import dev.shellcamp.lesson.Yaml;
import dev.shellcamp.lesson.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * progress.json under the data home. Every save is write-temp, fsync, rename, fsync-dir, so a
 * crash or kill -9 leaves either the old file or the new one. A file that cannot be read is
 * moved aside (never silently reset) and the caller is told where it went.
 */
public final class ProgressStore {
  private final Path file;
  private String warning;
  private String warningKey;
  private volatile long pendingSeed = -1;
  /** What {@link #peekSeed} parsed, for the load that follows it to use once if the file is unchanged. */
  private volatile Peeked peeked;

  private record Peeked(String text, ProgressParse parse) {}

  public ProgressStore(Path file) {
    this.file = file;
  }

  /** $XDG_DATA_HOME/shellcamp (default ~/.local/share/shellcamp). */
  public static Path dataHome() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("shellcamp");
  }

  public static ProgressStore standard() {
    return new ProgressStore(dataHome().resolve("progress.json"));
  }

  public Path file() {
    return file;
  }

  /** A message about a corrupt file moved aside during the last load, or null. */
  public String warning() {
    return warning;
  }

  /** The message key for {@link #warning()}: its first tab-separated part is {0}, the second {1}. */
  public String warningKey() {
    return warningKey;
  }

  public Progress load() {
    warning = null;
    warningKey = null;
    removeStaleTemps();
    if (!Files.exists(file)) {
      return fresh();
    }
    try {
      ProgressParse parsed = parseOnce(read());
      if (!parsed.isWhole()) {
        keepWhatWasRead(parsed);
      }
      return parsed.progress();
    } catch (IOException | Yaml.SyntaxError | RuntimeException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-"
          + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        warning = aside.toString() + "\t" + reason(e);
        warningKey = "progress.corrupt";
      } catch (IOException moveFailed) {
        warning = file + "\t" + reason(e);
        warningKey = "progress.corrupt";
      }
      return fresh();
    }
  }

  /**
   * Part of the file could not be used: what could not is written beside it (a newer schema's
   * file whole, since our next save would drop what we do not understand) and the rest is kept.
   */
  private void keepWhatWasRead(ProgressParse parsed) throws IOException {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path aside;
    if (parsed.newerSchema() > 0) {
      aside = file.resolveSibling(file.getFileName() + ".schema-" + parsed.newerSchema() + "-" + stamp);
      Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
      warningKey = "progress.newer";
    } else {
      aside = file.resolveSibling(file.getFileName() + ".bad-" + stamp);
      Files.writeString(aside, Json.write(Map.of("lessons", parsed.rejected())) + "\n", StandardCharsets.UTF_8);
      save(parsed.progress());
      warningKey = "progress.partial";
    }
    warning = aside + "\t" + String.join("; ", parsed.reasons());
  }

  /** {@code text} parsed, by {@link #peekSeed} already if it read the same text (parsing is the costly part). */
  private ProgressParse parseOnce(String text) throws Yaml.SyntaxError {
    Peeked p = peeked;
    peeked = null;
    return p != null && p.text().equals(text) ? p.parse() : ProgressParse.of(text);
  }

  /** The file's text, refused unread when it is larger than any progress could be. */
  private String read() throws IOException {
    if (Files.size(file) > YamlLimits.DEFAULT.maxChars()) {
      throw new IOException(Yaml.tooLarge(YamlLimits.DEFAULT));
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** A save killed before its rename leaves progress.json.tmp-PID behind; the file itself is fine. */
  private void removeStaleTemps() {
    String prefix = file.getFileName() + ".tmp-";
    try (var siblings = Files.list(file.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+")
            && ProcessHandle.of(Long.parseLong(name.substring(prefix.length()))).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // nothing to tidy
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
  }

  private Progress fresh() {
    long seed = pendingSeed >= 0 ? pendingSeed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    return new Progress(Progress.SCHEMA, seed, null, null, Map.of());
  }

  /**
   * The learner's seed without side effects (nothing is moved aside), so start-up can load the
   * catalog for it in the background. A new learner's seed is chosen here and kept for load();
   * an unreadable file gives -1.
   */
  public long peekSeed() {
    if (!Files.exists(file)) {
      pendingSeed = new SecureRandom().nextLong() & Long.MAX_VALUE;
      return pendingSeed;
    }
    try {
      String text = read();
      ProgressParse parse = ProgressParse.of(text);
      peeked = new Peeked(text, parse);
      return parse.progress().seed();
    } catch (IOException | Yaml.SyntaxError | RuntimeException e) {
      return -1;
    }
  }

  static Progress parse(String text) throws Yaml.SyntaxError {
    return ProgressParse.of(text).progress();
  }

  static String render(Progress p) {
    Map<String, Object> lessons = new LinkedHashMap<>();
    p.lessons().values().stream().sorted(java.util.Comparator.comparing(LessonProgress::id)).forEach(l ->
        lessons.put(l.id(), Json.object("step", l.step(), "done", l.done(), "shown", l.shown(), "skipped", l.skipped(),
            "hints", l.hints(), "started", l.started(), "completed", l.completed())));
    return Json.write(Json.object("schema", Progress.SCHEMA, "seed", p.seed(), "lang", p.lang(),
        "last_lesson", p.lastLesson(), "lessons", lessons)) + "\n";
  }

  public void save(Progress p) throws IOException {
    AtomicWrite.replace(file, render(p).getBytes(StandardCharsets.UTF_8));
  }

  public static String now() {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}

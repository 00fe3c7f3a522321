package dev.shellcamp.classlink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shellcamp.progress.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code class/link.json}, written whole or not at all like progress.json. A file that cannot
 * be read is moved aside and said once (the learner joins again), never a crash at start-up.
 */
final class LinkFile {
  /** What was found: the link, or none; {@code aside} and {@code why} when a bad file was moved. */
  record Loaded(ClassLink link, Path aside, String why) {}

  private final Path file;

  LinkFile(Path dir) {
    this.file = dir.resolve("link.json");
  }

  Path path() {
    return file;
  }

  Loaded load() {
    if (!Files.exists(file)) {
      return new Loaded(null, null, null);
    }
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new IOException("larger than 64 KiB");
      }
      return new Loaded(parse(Files.readString(file, StandardCharsets.UTF_8)), null, null);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      Path aside = file.resolveSibling("link.json.corrupt-"
          + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        aside = file;
      }
      return new Loaded(null, aside, why);
    }
  }

  static ClassLink parse(String text) throws IOException {
    JsonNode n = Wire.JSON.readTree(text);
    if (n == null || !n.isObject()) {
      throw new IOException("not a JSON object");
    }
    for (String field : new String[] {"url", "learner", "secret", "name"}) {
      if (!n.path(field).isTextual() || n.get(field).asText().isEmpty()) {
        throw new IOException("no \"" + field + "\"");
      }
    }
    return new ClassLink(n.get("url").asText(), n.get("learner").asText(), n.get("secret").asText(),
        n.get("name").asText(), n.path("last_note").asLong(0));
  }

  void save(ClassLink link) throws IOException {
    Files.createDirectories(file.getParent());
    restrict(file.getParent(), "rwx------");
    AtomicWrite.replace(file, (Wire.JSON.writeValueAsString(link) + "\n").getBytes(StandardCharsets.UTF_8));
    restrict(file, "rw-------");
  }

  /**
   * The secret is a credential, so the folder is the learner's alone (like ~/.ssh): the file
   * is briefly created with the usual mode before its rename, and the folder covers that.
   */
  private static void restrict(Path p, String mode) {
    try {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    } catch (IOException | UnsupportedOperationException e) {
      // a file system without POSIX permissions: nothing more we can do
    }
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}

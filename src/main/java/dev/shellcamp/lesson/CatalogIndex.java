package dev.shellcamp.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The menu's view of the catalog kept between starts, so the menu needs no YAML parse: courses,
 * each loading lesson's {@link LessonSummary}, and the problems (which lessons are broken). It is
 * valid while its key matches: the size and mtime of every file under the lessons folder, the
 * running jar's, the learner's seed (titles may carry vars) and this format. A torn or foreign
 * file reads as absent and is rebuilt; it is a cache, so it is written without fsync.
 */
final class CatalogIndex {
  private static final String HEADER = "shellcamp-catalog-index 1";
  private static final char LIST = '\u001f';
  private static final char PAIR = '\u001e';

  /** What an index holds, for {@link Catalog#indexed}. */
  record Contents(List<Course> courses, Map<String, LessonSummary> summaries, List<Problem> problems) {}

  private CatalogIndex() {}

  /** The fingerprint of everything the catalog is made of. */
  static String key(Path root, long seed) throws IOException {
    List<String> stamps = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
        stamps.add(root.relativize(f) + "\t" + a.size() + "\t" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        return FileVisitResult.CONTINUE;
      }
    });
    stamps.sort(null);
    long h = 1125899906842597L;
    for (String s : stamps) {
      h = hash(h, s);
    }
    return Long.toHexString(h) + " " + stamps.size() + " " + seed + " " + jarStamp() + " " + root.toAbsolutePath();
  }

  static Optional<Contents> read(Path file, String key) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key\t" + escape(key))
        || !lines.get(lines.size() - 1).equals("end\t" + (lines.size() - 3))) {
      return Optional.empty();
    }
    List<Course> courses = new ArrayList<>();
    Map<String, LessonSummary> summaries = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    try {
      for (String line : lines.subList(2, lines.size() - 1)) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "course" -> courses.add(new Course(unescape(f[1]), map(f[2]), list(f[3])));
          case "lesson" -> summaries.put(unescape(f[1]),
              new LessonSummary(unescape(f[1]), Path.of(unescape(f[2])), map(f[3]), list(f[4]), list(f[5])));
          case "problem" -> problems.add(new Problem(Path.of(unescape(f[1])), Integer.parseInt(f[2]), unescape(f[3])));
          default -> {
            return Optional.empty();
          }
        }
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new Contents(courses, summaries, problems));
  }

  /** Writes the index of a fully loaded catalog; a failure only means the next start parses again. */
  static void write(Path file, String key, Catalog c) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("key\t" + escape(key));
    for (Course course : c.courses()) {
      lines.add("course\t" + escape(course.id()) + "\t" + map(course.title()) + "\t" + list(course.lessonIds()));
    }
    for (LessonSummary s : c.summaries().values()) {
      lines.add("lesson\t" + escape(s.id()) + "\t" + escape(s.dir().toString()) + "\t" + map(s.titles()) + "\t"
          + list(s.stepIds()) + "\t" + list(s.requires()));
    }
    for (Problem p : c.problems()) {
      lines.add("problem\t" + escape(p.file().toString()) + "\t" + p.line() + "\t" + escape(p.message()));
    }
    lines.add("end\t" + (lines.size() - 2));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // a read-only or full data home: the catalog is parsed at every start, as before the index
    }
  }

  private static long hash(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return 31 * h + '\n';
  }

  /** The running code's jar (or classes folder): a rebuilt tutor may read lessons differently. */
  private static String jarStamp() {
    try {
      Path p = Path.of(CatalogIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.size() + ":" + a.lastModifiedTime().toMillis();
    } catch (Exception e) {
      return "?";
    }
  }

  private static String list(List<String> items) {
    StringBuilder b = new StringBuilder();
    for (String s : items) {
      if (b.length() > 0) {
        b.append(LIST);
      }
      b.append(escape(s));
    }
    return b.toString();
  }

  private static List<String> list(String field) {
    if (field.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : field.split(String.valueOf(LIST), -1)) {
      out.add(unescape(s));
    }
    return List.copyOf(out);
  }

  private static String map(Map<String, String> m) {
    List<String> pairs = new ArrayList<>();
    m.forEach((k, v) -> pairs.add(escape(k) + PAIR + escape(v)));
    return String.join(String.valueOf(LIST), pairs);
  }

  private static Map<String, String> map(String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!field.isEmpty()) {
      for (String pair : field.split(String.valueOf(LIST), -1)) {
        int at = pair.indexOf(PAIR);
        out.put(unescape(pair.substring(0, at)), unescape(pair.substring(at + 1)));
      }
    }
    return out;
  }

  /** Backslash escapes for the characters that separate lines, fields, items and pairs. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case LIST -> b.append("\\l");
        case PAIR -> b.append("\\p");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      b.append(switch (n) {
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 'l' -> LIST;
        case 'p' -> PAIR;
        default -> n;
      });
    }
    return b.toString();
  }
}

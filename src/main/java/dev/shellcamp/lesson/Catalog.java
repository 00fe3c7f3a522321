package dev.shellcamp.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All courses and lessons under a lessons/ folder. Lessons that failed to load are kept as
 * problems beside the ones that did, so the menu still works and can say why one is missing.
 */
public record Catalog(Path root, List<Course> courses, Map<String, Lesson> lessons, List<Problem> problems,
    Map<String, LessonSummary> summaries) {

  /** The lesson, parsed if the catalog came from its index and this is the first ask. */
  public Optional<Lesson> lesson(String id) {
    return Optional.ofNullable(lessons.get(id));
  }

  /** What the menu shows of a lesson that loads; empty for a broken or unknown one. */
  public Optional<LessonSummary> summary(String id) {
    return Optional.ofNullable(summaries.get(id));
  }

  /** Every lesson id in teaching order, loaded or not. */
  public List<String> lessonIds() {
    return courses.stream().flatMap(c -> c.lessonIds().stream()).toList();
  }

  /** Problems of one lesson id (empty when it loaded). */
  public List<Problem> problemsOf(String id) {
    String folder = id.contains("/") ? id.substring(id.indexOf('/') + 1) : id;
    return problems.stream().filter(p -> p.file().getParent() != null
        && p.file().getParent().getFileName().toString().replaceFirst("^\\d+-", "").equals(folder)).toList();
  }

  /** Loads the catalog at {@code root}; {@code seed} picks every lesson's vars. */
  public static Catalog load(Path root, long seed) {
    List<Problem> problems = new ArrayList<>();
    List<Course> courses = readCourses(root, problems);
    Map<String, Lesson> lessons = new LinkedHashMap<>();
    // parsing every lesson cold is most of the tutor's start-up: two threads halve it on two cores
    List<LessonLoader.Loaded> loaded = lessonDirs(root).parallelStream().map(dir -> LessonLoader.load(dir, seed)).toList();
    for (LessonLoader.Loaded l : loaded) {
      problems.addAll(l.problems());
      if (l.lesson() != null) {
        lessons.putIfAbsent(l.lesson().id(), l.lesson());  // a duplicate id keeps the first, as lint says
      }
    }
    problems.addAll(DuplicateIds.find(loaded));
    Path catalogFile = root.resolve("catalog.yaml");
    List<String> listed = courses.stream().flatMap(c -> c.lessonIds().stream()).toList();
    for (String id : lessons.keySet()) {
      if (!listed.contains(id)) {
        problems.add(new Problem(catalogFile, 1, "lesson '" + id + "' is not listed in any course"));
      }
    }
    Map<String, LessonSummary> summaries = new LinkedHashMap<>();
    lessons.forEach((id, l) -> summaries.put(id, LessonSummary.of(l)));
    return new Catalog(root, courses, lessons, problems, summaries);
  }

  /**
   * The catalog from the index in {@code indexFile} when it still matches the lesson files, with
   * each lesson parsed when first asked for; otherwise loaded whole and indexed for next time.
   * The menu then costs a walk of the lessons folder's file stamps instead of a parse of every
   * lesson (docs/benchmarks.md).
   */
  public static Catalog indexed(Path root, long seed, Path indexFile) {
    String key;
    try {
      key = CatalogIndex.key(root, seed);
    } catch (IOException | RuntimeException e) {
      return load(root, seed);
    }
    Optional<CatalogIndex.Contents> index = CatalogIndex.read(indexFile, key);
    if (index.isPresent()) {
      CatalogIndex.Contents c = index.get();
      return new Catalog(root, c.courses(), new LazyLessons(c.summaries(), seed), c.problems(), c.summaries());
    }
    Catalog whole = load(root, seed);
    CatalogIndex.write(indexFile, key, whole);
    return whole;
  }

  /** Lesson folders: any folder under root holding a lesson.yaml, sorted by path. */
  public static List<Path> lessonDirs(Path root) {
    if (Files.isRegularFile(root.resolve("lesson.yaml"))) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root, 3)) {
      return s.filter(p -> p.getFileName().toString().equals("lesson.yaml"))
          .map(Path::getParent).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<Course> readCourses(Path root, List<Problem> problems) {
    Path f = root.resolve("catalog.yaml");
    List<Course> out = new ArrayList<>();
    if (!Files.exists(f)) {
      return out;
    }
    Node doc;
    try {
      doc = Yaml.parse(Files.readString(f));
    } catch (IOException e) {
      problems.add(new Problem(f, 1, "cannot read: " + e.getMessage()));
      return out;
    } catch (Yaml.SyntaxError e) {
      problems.add(new Problem(f, e.line(), e.getMessage()));
      return out;
    }
    Node list = doc.isMap() ? doc.map().get("courses") : null;
    if (list == null || !list.isList()) {
      problems.add(new Problem(f, doc.line(), "'courses' must be a list"));
      return out;
    }
    for (Node c : list.list()) {
      Map<String, Node> m = c.isMap() ? c.map() : Map.of();
      Node id = m.get("id");
      Node title = m.get("title");
      Node lessons = m.get("lessons");
      if (id == null || !id.isScalar() || lessons == null || !lessons.isList()) {
        problems.add(new Problem(f, c.line(), "a course needs 'id' and a 'lessons' list"));
        continue;
      }
      Map<String, String> titles = new LinkedHashMap<>();
      if (title != null && title.isMap()) {
        title.map().forEach((k, v) -> titles.put(k, v.isScalar() ? v.text() : k));
      }
      out.add(new Course(id.text(), titles, lessons.list().stream().filter(Node::isScalar).map(Node::text).toList()));
    }
    return out;
  }

  /** Finds the lessons folder: -Dshellcamp.lessons, $SHELLCAMP_LESSONS, ./lessons, or beside the jar. */
  public static Path locate() {
    String prop = System.getProperty("shellcamp.lessons");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("SHELLCAMP_LESSONS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path here = Path.of("lessons");
    if (Files.isDirectory(here)) {
      return here.toAbsolutePath();
    }
    try {
      Path jar = Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("lessons/catalog.yaml"))) {
          return p.resolve("lessons");
        }
      }
    } catch (Exception e) {
      // fall through to ./lessons
    }
    return here.toAbsolutePath();
  }
}

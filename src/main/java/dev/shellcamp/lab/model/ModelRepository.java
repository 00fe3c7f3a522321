package dev.shellcamp.lab.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models a server has loaded, by name and version. Laid out as {@code <name>/<version>/
 * model.json + card.md}, the way TF Serving and Triton lay out a model repository; a request
 * without a version gets the highest one.
 */
public final class ModelRepository {
  /** Where the shipped models lie, relative to the class path's root. */
  public static final String BUNDLED = "dev/shellcamp/lab/models";

  // version order: numerically where both are numbers ("10" after "9"), else by text
  private static final Comparator<String> VERSIONS = Comparator
      .comparing((String v) -> v.matches("\\d{1,9}") ? Integer.parseInt(v) : Integer.MAX_VALUE)
      .thenComparing(Comparator.naturalOrder());

  private final Map<String, TreeMap<String, Model>> models;

  private ModelRepository(Map<String, TreeMap<String, Model>> models) {
    this.models = models;
  }

  /** The models shipped inside shellcamp, read from its jar or, in a build tree, from its classes folder. */
  public static ModelRepository bundled() {
    try {
      Path where = Path.of(ModelRepository.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(where)) {
        return load(where.resolve(BUNDLED));
      }
      try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + where.toUri()), Map.of())) {
        return load(jar.getPath("/" + BUNDLED));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled models: " + e.getMessage(), e);
    }
  }

  static ModelRepository load(Path root) {
    Map<String, TreeMap<String, Model>> models = new TreeMap<>();
    for (Path nameDir : list(root)) {
      for (Path versionDir : list(nameDir)) {
        String where = "models/" + name(nameDir) + "/" + name(versionDir);
        Model m = read(versionDir, where);
        if (!m.info().name().equals(name(nameDir)) || !m.info().version().equals(name(versionDir))) {
          throw new IllegalStateException(where + "/model.json: name and version must match its folders");
        }
        models.computeIfAbsent(m.info().name(), k -> new TreeMap<>(VERSIONS)).put(m.info().version(), m);
      }
    }
    if (models.isEmpty()) {
      throw new IllegalStateException("no models under " + root);
    }
    return new ModelRepository(models);
  }

  private static Model read(Path dir, String where) {
    try {
      byte[] json = Files.readAllBytes(dir.resolve("model.json"));
      // a model without its card is not shipped: the card is the record of how it was made
      String card = Files.readString(dir.resolve("card.md"), StandardCharsets.UTF_8);
      return ModelLoader.load(where + "/model.json", json, card);
    } catch (IOException e) {
      throw new IllegalStateException(where + ": cannot read " + e.getMessage(), e);
    }
  }

  /** A folder's own name; a path inside a jar may end in '/'. */
  private static String name(Path dir) {
    return dir.getFileName().toString().replace("/", "");
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** This repository with only the named model, for --model; unknown names are the caller's mistake. */
  public ModelRepository only(String name) {
    if (!models.containsKey(name)) {
      throw new IllegalArgumentException("unknown model '" + name + "'; available: " + String.join(", ", names()));
    }
    return new ModelRepository(Map.of(name, models.get(name)));
  }

  public List<String> names() {
    return new ArrayList<>(models.keySet());
  }

  public boolean has(String name) {
    return models.containsKey(name);
  }

  public List<String> versions(String name) {
    return new ArrayList<>(models.get(name).keySet());
  }

  /** The model and version a URL names (the highest version when it names none); an unknown one says what exists. */
  public Model resolve(String name, String version) {
    TreeMap<String, Model> versions = models.get(name);
    if (versions == null) {
      throw new UnknownModelException("unknown model '" + name + "'; this server has: " + String.join(", ", names()));
    }
    if (version == null) {
      return versions.lastEntry().getValue();
    }
    Model m = versions.get(version);
    if (m == null) {
      throw new UnknownModelException("model '" + name + "' has no version '" + version + "'; it has: "
          + String.join(", ", versions.keySet()));
    }
    return m;
  }
}

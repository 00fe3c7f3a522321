package dev.shellcamp.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML (and JSON, its subset) into {@link Node}s that remember their lines. */
public final class Yaml {
  private Yaml() {}

  /** Thrown for text that is not YAML at all, with the line where the parser gave up. */
  public static final class SyntaxError extends Exception {
    private final int line;

    SyntaxError(String message, int line) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  static Node parse(String text) throws SyntaxError {
    return parse(text, YamlLimits.DEFAULT);
  }

  static Node parse(String text, YamlLimits limits) throws SyntaxError {
    if (text.length() > limits.maxChars()) {
      throw new SyntaxError(tooLarge(limits), 1);
    }
    try {
      LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false)
          .setCodePointLimit(limits.maxChars()).setMaxAliasesForCollections(limits.maxNodes()).build();
      Parser parser = new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text)), limits);
      Optional<org.snakeyaml.engine.v2.nodes.Node> root = new Composer(settings, parser).getSingleNode();
      if (root.isEmpty()) {
        return new Node(Map.of(), 1);
      }
      return convert(root.get());
    } catch (BoundedParser.Exceeded e) {
      throw new SyntaxError("YAML: " + e.getMessage(), e.line);
    } catch (MarkedYamlEngineException e) {
      // at the end of the stream the problem mark points past the last line; the context mark
      // ("while scanning a quoted scalar") points at where the unfinished thing began
      Optional<Mark> mark = e.getProblemMark();
      if (e.getContextMark().isPresent() && String.valueOf(e.getProblem()).contains("end of stream")) {
        mark = e.getContextMark();
      }
      int line = mark.or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new SyntaxError("YAML: " + firstLine(problem), line);
    } catch (YamlEngineException e) {
      throw new SyntaxError("YAML: " + firstLine(e.getMessage()), 1);
    }
  }

  /** The message for a file over {@link YamlLimits#maxChars()}, also used by readers that check the size first. */
  public static String tooLarge(YamlLimits limits) {
    return "YAML: file is larger than " + limits.maxChars() / 1024 + " KB";
  }

  /** Plain Java values (String, List, Map) for data files such as progress.json. */
  public static Object parsePlain(String text) throws SyntaxError {
    return plain(parse(text));
  }

  private static Object plain(Node n) {
    if (n.isScalar()) {
      return n.text();
    }
    if (n.isList()) {
      List<Object> out = new ArrayList<>();
      n.list().forEach(x -> out.add(plain(x)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.map().forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static Node convert(org.snakeyaml.engine.v2.nodes.Node n) throws SyntaxError {
    int line = n.getStartMark().map(Mark::getLine).orElse(0) + 1;
    if (n instanceof ScalarNode s) {
      String v = s.getValue();
      boolean isNull = s.getTag().getValue().endsWith(":null") && s.isPlain();
      return new Node(isNull ? "" : v, line);
    }
    if (n instanceof SequenceNode seq) {
      List<Node> items = new ArrayList<>();
      for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
        items.add(convert(item));
      }
      return new Node(items, line);
    }
    MappingNode map = (MappingNode) n;
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new SyntaxError("a map key must be a plain word", line);
      }
      Node v = convert(t.getValueNode());
      int keyLine = k.getStartMark().map(Mark::getLine).orElse(0) + 1;
      entries.put(k.getValue(), new Node(v.value(), v.line(), keyLine));
    }
    return new Node(entries, line);
  }
}

package dev.shellcamp.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * A GFM table drawn with box characters, columns sized by display width. Too wide for the
 * terminal, it becomes one "header: value" block per row instead of wrapping into noise.
 */
record Table(Theme theme, int width) {
  List<String> render(Node table, Function<Node, String> cell, String indent) {
    List<String> header = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        List<String> cells = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
          cells.add(cell.apply(c).strip());
        }
        if (section instanceof TableHead) {
          header = cells;
        } else {
          rows.add(cells);
        }
      }
    }
    int cols = header.size();
    int[] w = new int[cols];
    for (int i = 0; i < cols; i++) {
      w[i] = Width.of(header.get(i));
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], i < r.size() ? Width.of(r.get(i)) : 0);
      }
    }
    int total = Width.of(indent) + cols * 3;
    for (int x : w) {
      total += x;
    }
    List<String> out = new ArrayList<>();
    // a screen reader reads a grid cell by cell, box characters included: plain mode gets the blocks
    if (total > width || theme.plain()) {
      for (List<String> r : rows) {
        for (int i = 0; i < cols; i++) {
          out.add(indent + (i == 0 ? theme.bullet() : "  ") + theme.bold(header.get(i) + ":") + " " + (i < r.size() ? r.get(i) : ""));
        }
      }
      return out;
    }
    out.add(indent + line(header, w, true));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < cols; i++) {
      rule.append(i == 0 ? "" : "┼").append("─".repeat(w[i] + 2));
    }
    out.add(indent + theme.dim(rule.toString()));
    for (List<String> r : rows) {
      out.add(indent + line(r, w, false));
    }
    return out;
  }

  private String line(List<String> cells, int[] w, boolean head) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      b.append(i == 0 ? " " : theme.dim("│") + " ").append(Width.padRight(head ? theme.bold(c) : c, w[i])).append(' ');
    }
    return b.toString().stripTrailing();
  }
}

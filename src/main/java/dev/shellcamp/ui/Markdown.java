package dev.shellcamp.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders lesson Markdown for a terminal: headings, paragraphs and lists wrapped to the width
 * (counting Korean as two columns), code blocks kept verbatim behind a rule. A plain theme gets
 * no rules or glyphs: a screen reader reads each box character aloud.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build();
  private final Theme theme;
  private final int width;

  public Markdown(Theme theme, int width) {
    this.theme = theme;
    this.width = Math.max(width <= 0 ? 80 : width, 20);
  }

  public String render(String markdown) {
    List<String> out = new ArrayList<>();
    block(PARSER.parse(markdown), "", "", out);
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out) + "\n";
  }

  private void block(Node parent, String first, String rest, List<String> out) {
    boolean firstChild = true;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      String lead = firstChild ? first : rest;
      firstChild = false;
      if (n instanceof Heading h) {
        List<Span> spans = inline(h, h.getLevel() == 1 ? theme::heading : theme::bold);
        out.addAll(Wrap.lines(spans, width, lead, rest));
        if (h.getLevel() == 1 && !theme.plain()) {
          out.add(rest + theme.dim("─".repeat(Math.min(width - Width.of(rest), Width.of(plain(spans)) + 2))));
        }
        out.add("");
      } else if (n instanceof Paragraph p) {
        out.addAll(Wrap.lines(inline(p, UnaryOperator.identity()), width, lead, rest));
        if (!(parent instanceof ListItem) || p.getNext() != null) {
          out.add("");
        }
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        int number = n instanceof OrderedList ol ? ol.getMarkerStartNumber() : 0;
        for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
          String marker = number > 0 ? (number++) + ". " : theme.bullet();
          block(item, lead + marker, rest + " ".repeat(Width.of(marker)), out);
          lead = rest;
        }
        if (!(parent instanceof ListItem)) {
          out.add("");
        }
      } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
        String literal = n instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) n).getLiteral();
        for (String line : literal.stripTrailing().split("\n", -1)) {
          out.add(rest + (theme.plain() ? "    " : theme.dim("│ ")) + theme.code(line));
        }
        out.add("");
      } else if (n instanceof BlockQuote) {
        String bar = theme.plain() ? "  " : theme.dim("▎ ");
        block(n, lead + bar, rest + bar, out);
      } else if (n instanceof org.commonmark.ext.gfm.tables.TableBlock) {
        out.addAll(new Table(theme, width).render(n, this::cell, rest));
        out.add("");
      } else if (n instanceof ThematicBreak) {
        if (!theme.plain()) {
          out.add(rest + theme.dim("─".repeat(Math.max(4, width - Width.of(rest)))));
          out.add("");
        }
      } else {
        block(n, lead, rest, out);
      }
    }
  }

  /** A table cell's text, styled, on one line. */
  private String cell(Node cell) {
    StringBuilder b = new StringBuilder();
    for (Span s : inline(cell, UnaryOperator.identity())) {
      b.append(s == Span.BREAK ? " " : s.style().apply(s.text()));
    }
    return b.toString();
  }

  private static String plain(List<Span> spans) {
    StringBuilder b = new StringBuilder();
    spans.forEach(s -> b.append(s.text()));
    return b.toString();
  }

  private List<Span> inline(Node parent, UnaryOperator<String> style) {
    List<Span> spans = new ArrayList<>();
    collect(parent, style, spans);
    return spans;
  }

  private void collect(Node parent, UnaryOperator<String> style, List<Span> spans) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        spans.add(new Span(t.getLiteral(), style, false));
      } else if (n instanceof Code c) {
        spans.add(new Span(c.getLiteral(), s -> theme.code(style.apply(s)), true));
      } else if (n instanceof SoftLineBreak) {
        spans.add(new Span(" ", style, false));
      } else if (n instanceof HardLineBreak) {
        spans.add(Span.BREAK);
      } else if (n instanceof StrongEmphasis) {
        collect(n, s -> theme.bold(style.apply(s)), spans);
      } else if (n instanceof Emphasis) {
        collect(n, s -> theme.accent(style.apply(s)), spans);
      } else if (n instanceof Link l) {
        collect(n, style, spans);
        if (!l.getDestination().startsWith("#")) {
          spans.add(new Span(" (" + l.getDestination() + ")", theme::dim, true));
        }
      } else {
        collect(n, style, spans);
      }
    }
  }
}

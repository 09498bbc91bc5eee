package dev.polygraph.tree;

import dev.polygraph.source.Span;

/** Renders a tree with every span, so tests compare the whole shape and every position at once. */
final class TreeDump {
  private TreeDump() {}

  static String of(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, "", out);
    return out.toString();
  }

  private static void write(Node node, String indent, StringBuilder out) {
    if (node instanceof ScalarNode) {
      ScalarNode s = (ScalarNode) node;
      out.append(indent).append(scalar(s)).append(' ').append(range(s.span())).append('\n');
    } else if (node instanceof SeqNode) {
      out.append(indent).append("seq ").append(range(node.span())).append('\n');
      for (Node item : ((SeqNode) node).items()) {
        write(item, indent + "  ", out);
      }
    } else {
      out.append(indent).append("map ").append(range(node.span())).append('\n');
      for (MapNode.Entry e : ((MapNode) node).entries()) {
        out.append(indent)
            .append("  key ")
            .append(scalar(e.key()))
            .append(' ')
            .append(range(e.key().span()))
            .append('\n');
        write(e.value(), indent + "    ", out);
      }
    }
  }

  private static String scalar(ScalarNode s) {
    if (s.text() == null) {
      return "null";
    }
    return (s.quoted() ? "\"" : "") + s.text().replace("\n", "\\n") + (s.quoted() ? "\"" : "");
  }

  static String range(Span s) {
    return s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn();
  }
}

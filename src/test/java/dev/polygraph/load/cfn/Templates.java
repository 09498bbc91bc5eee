package dev.polygraph.load.cfn;

import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real templates for tests, read by the project's own readers. */
final class Templates {

  private Templates() {}

  static CfnTemplate read(String name, String text) {
    TreeResult result = CfnFormat.read(new SourceFile(Path.of(name), name, text));
    if (!result.problems().isEmpty() || !(result.root() instanceof MapNode root)) {
      throw new AssertionError("test template does not read cleanly: " + result.problems());
    }
    return new CfnTemplate(new SourceFile(Path.of(name), name, text), root);
  }

  static CfnTemplate yaml(String... lines) {
    return read("t.yaml", String.join("\n", lines) + "\n");
  }

  /** The node at a path of map keys and list indexes. */
  static Node at(CfnTemplate template, Object... path) {
    Node node = template.root();
    for (Object step : path) {
      if (step instanceof Integer i) {
        node = ((dev.polygraph.tree.SeqNode) node).items().get(i);
      } else {
        node =
            ((MapNode) node).get((String) step).orElseThrow(() -> new AssertionError("no " + step));
      }
    }
    return node;
  }

  /** Text parts from literal strings and symbols, in order. */
  static List<Text.Part> parts(Object... parts) {
    List<Text.Part> out = new ArrayList<>();
    for (Object p : parts) {
      out.add(p instanceof Symbol s ? new Text.Sym(s) : new Text.Literal((String) p));
    }
    return out;
  }

  static Symbol pseudo(Symbol.PseudoKind kind) {
    return new Symbol.Pseudo(kind);
  }

  static Symbol attr(String file, String resource, String attribute) {
    return new Symbol.ResourceAttr(file, resource, attribute);
  }
}

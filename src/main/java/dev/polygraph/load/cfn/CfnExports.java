package dev.polygraph.load.cfn;

import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values the scanned templates export ({@code Outputs.*.Export.Name}), and the resolution of
 * {@code Fn::ImportValue} against them. An unpinned stack name in an export name matches any text,
 * since each template may be deployed as any stack: eksctl exports {@code
 * ${AWS::StackName}::NodeInstanceRoleARN}.
 */
final class CfnExports implements Imports {

  /** One export: its (possibly symbolic) name, its value, and the file that exports it. */
  record Export(String file, Text name, Value value) {}

  /** Marks the stack-name wildcard in a token list. */
  private static final Object ANY = new Object();

  private final List<Export> exports;

  CfnExports(List<Export> exports) {
    this.exports = List.copyOf(exports);
  }

  /**
   * Evaluates every template's exports. Imports inside exported values are not followed (chains of
   * exports are rare, and following them would need an order between templates).
   */
  static CfnExports collect(List<CfnTemplate> templates, CfnOptions options) {
    Imports unresolved =
        (name, site) ->
            new Unknown(
                "'"
                    + name.display()
                    + "' is imported by an exported value; chained imports are not followed",
                site);
    List<Export> out = new ArrayList<>();
    for (CfnTemplate template : templates) {
      Optional<Node> outputs = template.root().get("Outputs");
      if (outputs.isEmpty() || !(outputs.get() instanceof MapNode outputMap)) {
        continue;
      }
      CfnIntrinsics intrinsics = new CfnIntrinsics(template, options, unresolved);
      for (MapNode.Entry e : outputMap.entries()) {
        if (!(e.value() instanceof MapNode output)) {
          continue;
        }
        if (isDisabled(output, intrinsics)) {
          continue;
        }
        Optional<Node> name =
            output
                .get("Export")
                .filter(MapNode.class::isInstance)
                .flatMap(x -> ((MapNode) x).get("Name"));
        Optional<Node> value = output.get("Value");
        if (name.isEmpty() || value.isEmpty()) {
          continue;
        }
        Value exported = intrinsics.evaluate(value.get());
        for (Guarded<Value> variant : Values.variants(intrinsics.evaluate(name.get()))) {
          if (variant.value() instanceof Text text) {
            out.add(new Export(template.file().name(), text, exported));
          }
        }
      }
    }
    return new CfnExports(out);
  }

  /** An output whose condition is decided false exports nothing; an undecided one is kept. */
  private static boolean isDisabled(MapNode output, CfnIntrinsics intrinsics) {
    Optional<Node> condition = output.get("Condition");
    if (condition.isEmpty()
        || !(condition.get() instanceof dev.polygraph.tree.ScalarNode s)
        || s.isNull()) {
      return false;
    }
    return intrinsics.decide(s.text()).map(v -> !v).orElse(false);
  }

  @Override
  public Value resolve(Text name, Span site) {
    List<Export> matches = new ArrayList<>();
    for (Export export : exports) {
      if (matches(export.name(), name)) {
        matches.add(export);
      }
    }
    if (matches.size() == 1) {
      return CfnIntrinsics.respan(matches.get(0).value(), site);
    }
    if (matches.isEmpty()) {
      return new Unknown("no export named '" + name.display() + "' in the scanned templates", site);
    }
    String all =
        matches.stream()
            .map(x -> "'" + x.name().display() + "' in " + x.file())
            .sorted()
            .collect(Collectors.joining(", "));
    return new Unknown("several exports match '" + name.display() + "': " + all, site);
  }

  private static boolean matches(Text exportName, Text importName) {
    if (exportName.parts().equals(importName.parts())) {
      return true;
    }
    return glob(tokens(exportName, true), tokens(importName, false));
  }

  /** Characters of literals and whole symbols; in a pattern, the stack name is the wildcard. */
  private static List<Object> tokens(Text text, boolean pattern) {
    List<Object> out = new ArrayList<>();
    for (Text.Part p : text.parts()) {
      if (p instanceof Text.Literal l) {
        l.text().chars().forEach(c -> out.add((char) c));
      } else {
        Symbol s = ((Text.Sym) p).symbol();
        out.add(pattern && s.equals(new Symbol.Pseudo(PseudoKind.STACK_NAME)) ? ANY : s);
      }
    }
    return out;
  }

  /** Wildcard match without backtracking blow-up: at most one pending wildcard is resumed. */
  private static boolean glob(List<Object> pattern, List<Object> input) {
    int p = 0;
    int i = 0;
    int star = -1;
    int resume = 0;
    while (i < input.size()) {
      if (p < pattern.size() && pattern.get(p) == ANY) {
        star = p++;
        resume = i;
      } else if (p < pattern.size() && pattern.get(p).equals(input.get(i))) {
        p++;
        i++;
      } else if (star >= 0) {
        p = star + 1;
        i = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.size() && pattern.get(p) == ANY) {
      p++;
    }
    return p == pattern.size();
  }
}

package dev.polygraph.suppress;

import dev.polygraph.report.Suppression;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suppressions written as CloudFormation resource metadata, the only form a JSON template can hold:
 *
 * <pre>
 * NodeRole:
 *   Type: AWS::IAM::Role
 *   Metadata:
 *     polygraph:
 *       ignore:
 *         - id: EKS010
 *           reason: GovCloud-only stack
 * </pre>
 *
 * Each entry covers the resource: findings addressed to its logical ID or starting inside it. An
 * entry without {@code id} or {@code reason} is reported (POLY002) rather than rejected; one of
 * another shape (not a mapping) names no rule and is reported the same way.
 */
final class CfnMetadataIgnores {

  private CfnMetadataIgnores() {}

  static List<Directive> read(String file, MapNode template) {
    List<Directive> out = new ArrayList<>();
    Optional<Node> resources = template.get("Resources");
    if (resources.isEmpty() || !(resources.get() instanceof MapNode map)) {
      return out;
    }
    for (MapNode.Entry resource : map.entries()) {
      if (!(resource.value() instanceof MapNode body)) {
        continue;
      }
      Optional<Node> ignore =
          body.get("Metadata").flatMap(m -> child(m, "polygraph")).flatMap(p -> child(p, "ignore"));
      if (ignore.isEmpty()) {
        continue;
      }
      String logicalId = resource.key().text();
      Target target =
          new Target.Resource(
              file, logicalId, resource.key().span().startLine(), body.span().endLine());
      List<Node> entries = ignore.get() instanceof SeqNode seq ? seq.items() : List.of(ignore.get());
      for (Node entry : entries) {
        out.add(directive(entry, logicalId, target));
      }
    }
    return out;
  }

  private static Directive directive(Node entry, String logicalId, Target target) {
    String id = entry instanceof MapNode m ? text(m.get("id")) : null;
    String reason = entry instanceof MapNode m ? text(m.get("reason")) : null;
    Span span = entry.span();
    if (id != null && !id.matches("[A-Z]+[0-9]{3}")) {
      id = null;
    }
    return new Directive(id, reason, span, logicalId, target, Suppression.Kind.IN_SOURCE);
  }

  private static Optional<Node> child(Node node, String key) {
    return node instanceof MapNode m ? m.get(key) : Optional.empty();
  }

  private static String text(Optional<Node> node) {
    if (node.isPresent() && node.get() instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
      return s.text().strip();
    }
    return null;
  }
}

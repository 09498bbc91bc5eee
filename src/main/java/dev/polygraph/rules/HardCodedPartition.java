package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.Statement;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * EKS010: an ARN written with the {@code aws} partition breaks in China and GovCloud; the partition
 * of the deployment keeps the template portable.
 */
public final class HardCodedPartition implements Rule {

  private static final String PREFIX = "arn:aws:";

  @Override
  public String id() {
    return "EKS010";
  }

  @Override
  public void check(RuleContext ctx) {
    Set<Span> reported = new HashSet<>();
    for (GraphNode node : ctx.graph().nodes()) {
      if (node instanceof RoleNode role) {
        for (Guarded<Value> arn : role.managedPolicyArns()) {
          value(ctx, reported, node, arn.value(), "managed policy ARN");
        }
        if (role.boundary() != null) {
          value(ctx, reported, node, role.boundary().value(), "permissions boundary");
        }
        for (Guarded<PolicyDocument> doc : role.inline()) {
          document(ctx, reported, node, doc.value());
        }
      } else if (node instanceof InlinePolicyNode p) {
        document(ctx, reported, node, p.document());
      } else if (node instanceof ManagedPolicyNode p) {
        document(ctx, reported, node, p.document());
      } else if (node instanceof NodeGroupNode ng) {
        value(ctx, reported, node, ng.nodeRole(), "node role ARN");
      } else if (node instanceof PolicyAttachmentNode p) {
        value(ctx, reported, node, p.policyArn(), "managed policy ARN");
      } else if (node instanceof ClusterNode c) {
        value(ctx, reported, node, c.roleArn(), "cluster role ARN");
      }
    }
  }

  private static void document(RuleContext ctx, Set<Span> reported, GraphNode node, PolicyDocument doc) {
    if (doc == null) {
      return;
    }
    for (Statement s : doc.statements()) {
      for (Value r : s.resources()) {
        value(ctx, reported, node, r, "resource");
      }
    }
  }

  private static void value(RuleContext ctx, Set<Span> reported, GraphNode node, Value value, String what) {
    if (value == null) {
      return;
    }
    for (Guarded<Value> item : Values.items(value)) {
      for (Guarded<Value> v : Values.variants(item.value())) {
        if (!(v.value() instanceof Text t)
            || !startsWithAwsPartition(t)
            || ctx.graph().isAccountFile(t.span().file())
            || !reported.add(t.span())) {
          continue;
        }
        ctx.fail(
            new Location(t.span(), node.address(), null),
            "The " + what + " '" + t.display() + "' hard-codes the partition 'aws'; it breaks in other partitions"
                + " (China, GovCloud).",
            List.of(),
            t.display(),
            "write the partition of the deployment instead of 'aws', e.g. arn:"
                + FixSyntax.partition(ctx.graph(), t.span().file()) + ":...",
            false);
      }
    }
  }

  private static boolean startsWithAwsPartition(Text t) {
    return !t.parts().isEmpty()
        && t.parts().get(0) instanceof Text.Literal l
        && l.text().startsWith(PREFIX);
  }
}

package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.CniUse;
import dev.polygraph.link.IpFamily;
import dev.polygraph.link.Permissions;
import dev.polygraph.policy.ActionCatalog;
import dev.polygraph.policy.Decision;
import dev.polygraph.policy.Effect;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.policy.Statement;
import dev.polygraph.policy.WildcardMatcher;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * EKS007: the IPv6 CNI policy of the EKS user guide tags only network interfaces and names its six
 * actions; a custom copy that tags anything or grants actions by wildcard gives nodes more than the
 * CNI needs.
 */
public final class CniIpv6PolicyNotTooBroad implements Rule {

  private static String help(RuleContext ctx, RoleNode role) {
    return "allow ec2:CreateTags only on arn:" + FixSyntax.partition(ctx.graph(), role.id().file())
        + ":ec2:*:*:network-interface/* and name the six IPv6 CNI actions instead of a wildcard";
  }

  @Override
  public String id() {
    return "EKS007";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    ActionCatalog catalog = ActionCatalog.load();
    Set<String> six = new HashSet<>();
    Requirements.IPV6_CNI_ACTIONS.forEach(a -> six.add(a.toLowerCase(Locale.ROOT)));
    Set<Span> reported = new HashSet<>();
    // Only the policies of a role the VPC CNI uses on an IPv6 cluster (or with IPv6 evidence) are its IPv6 policy.
    for (CniUse use : checks.linked().cniUses()) {
      List<Guard> ipv6 = use.families(IpFamily.IPV6).stream().map(CniUse.Family::guard).toList();
      if (ipv6.isEmpty()) {
        continue;
      }
      RoleNode role = use.role();
      for (Permissions.Attachment a : checks.linked().permissions().identity(role)) {
        if (!a.customer()
            || a.document() == null
            || ipv6.stream().noneMatch(g -> a.guard().and(g).isPresent())
            || !grantsAssignIpv6(ctx, a.document())) {
          continue;
        }
        PolicyDocument doc = a.document();
        String where = "In " + doc.name() + " of role '" + role.address() + "'";
        for (Statement s : doc.statements()) {
          if (s.effect() != Effect.ALLOW) {
            continue;
          }
          Optional<String> target = broadTagging(s);
          if (target.isPresent() && reported.add(s.resourceSpan())) {
            ctx.fail(
                new Location(s.resourceSpan(), role.address(), null),
                where + ", an Allow statement grants '" + Requirements.CREATE_TAGS + "' on " + target.get()
                    + "; the IPv6 VPC CNI needs it only on 'network-interface/*'.",
                checks.related(use),
                "CreateTags on " + target.get(),
                help(ctx, role),
                false);
          }
          Optional<String> beyond = beyondSix(s, catalog, six);
          if (beyond.isPresent() && reported.add(s.actionSpan())) {
            ctx.fail(
                new Location(s.actionSpan(), role.address(), null),
                where + ", " + beyond.get() + " beyond the six the IPv6 VPC CNI needs.",
                checks.related(use),
                beyond.get(),
                help(ctx, role),
                false);
          }
        }
      }
    }
  }

  private static boolean grantsAssignIpv6(RuleContext ctx, PolicyDocument doc) {
    Requirement r = Requirements.assignIpv6();
    Decision d =
        ctx.evaluator()
            .evaluate(new PolicySet(List.of(doc), null, List.of(), null), r.action(), r.resource(), Scenario.ANY);
    return d instanceof Decision.Allowed;
  }

  /** What the statement lets ec2:CreateTags touch beyond network interfaces, if anything. */
  private static Optional<String> broadTagging(Statement s) {
    if (!coversCreateTags(s)) {
      return Optional.empty();
    }
    if (s.notResource()) {
      return Optional.of("every resource but its 'NotResource'");
    }
    for (Value r : s.resources()) {
      // Symbols (the partition, the account) render as a placeholder, so their "::" do not split the ARN.
      if (r instanceof Text t && !networkInterfaces(t.render(symbol -> "_"))) {
        return Optional.of("'" + t.display() + "'");
      }
    }
    return Optional.empty();
  }

  private static boolean coversCreateTags(Statement s) {
    boolean named = false;
    for (Value v : s.actions()) {
      Optional<String> pattern = Values.literal(v);
      if (pattern.isPresent() && WildcardMatcher.matches(pattern.get(), Requirements.CREATE_TAGS, true)) {
        named = true;
      }
    }
    return s.notAction() != named;
  }

  /** arn:<partition>:ec2:<region>:<account>:network-interface/... */
  private static boolean networkInterfaces(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6
        && parts[0].equals("arn")
        && parts[2].equals("ec2")
        && parts[5].startsWith("network-interface/");
  }

  /** "the action 'ec2:*' grants 'ec2:AcceptAddressTransfer' and 700 more actions", if the statement does. */
  private static Optional<String> beyondSix(Statement s, ActionCatalog catalog, Set<String> six) {
    if (s.notAction()) {
      return Optional.of("'NotAction' grants every action it does not name");
    }
    for (Value v : s.actions()) {
      Optional<String> pattern = Values.literal(v);
      if (pattern.isEmpty() || (pattern.get().indexOf('*') < 0 && pattern.get().indexOf('?') < 0)) {
        continue;
      }
      List<String> extra =
          catalog.matching(pattern.get()).stream()
              .filter(a -> !six.contains(a.toLowerCase(Locale.ROOT)))
              .toList();
      if (!extra.isEmpty()) {
        String more = extra.size() == 1 ? "" : " and " + (extra.size() - 1) + " more actions";
        return Optional.of("the action '" + pattern.get() + "' grants '" + extra.get(0) + "'" + more);
      }
    }
    return Optional.empty();
  }
}

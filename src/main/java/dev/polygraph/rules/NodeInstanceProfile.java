package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.Edge;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EKS009: self-managed nodes get their node role only through the launch template's instance
 * profile, and that profile's role must trust EC2. (Managed node groups forbid a profile in their
 * template: EKS adds its own.)
 */
public final class NodeInstanceProfile implements Rule {

  private static final String HELP =
      "give the launch template an IAM instance profile whose role trusts ec2.amazonaws.com";

  @Override
  public String id() {
    return "EKS009";
  }

  @Override
  public void check(RuleContext ctx) {
    LinkedGraph linked = ctx.linked();
    for (LaunchTemplateNode lt : ctx.graph().nodes(LaunchTemplateNode.class)) {
      if (lt.eksNodeEvidence() == null) {
        continue;
      }
      Location at = new Location(lt.span(), lt.address(), null);
      List<Guarded<Value>> profiles =
          lt.instanceProfile() == null
              ? List.of(Guarded.always(new Absent(lt.span())))
              : Values.variants(lt.instanceProfile());
      for (Guarded<Value> profile : profiles) {
        String when = profile.guard().isAlways() ? null : profile.guard().describe();
        if (profile.value() instanceof Absent && !usedByManagedNodeGroup(lt, linked)) {
          ctx.fail(
              at,
              "Launch template '" + lt.address() + "' launches EKS nodes (" + lt.eksNodeEvidence()
                  + ") but has no IAM instance profile" + Conditions.suffix(when)
                  + ", so its nodes have no node role.",
              List.of(),
              "no instance profile" + (when == null ? "" : " when " + when),
              HELP,
              false);
        }
      }
      for (Edge uses : linked.edges().from(Edge.Kind.USES_PROFILE, lt.id())) {
        Optional<InstanceProfileNode> p = linked.target(uses, InstanceProfileNode.class);
        if (p.isPresent()) {
          checkProfileRoles(ctx, linked, lt, p.get(), at);
          continue;
        }
        Value ref = ((Edge.Target.Outside) uses.to()).reference();
        String shown = ref instanceof Text t ? t.display() : "?";
        ctx.undecided(
            at,
            "Launch template '" + lt.address() + "' uses instance profile '" + shown + "', which is outside the scan.",
            List.of(),
            shown);
      }
    }
  }

  private static void checkProfileRoles(
      RuleContext ctx, LinkedGraph linked, LaunchTemplateNode lt, InstanceProfileNode profile, Location at) {
    for (Edge contains : linked.edges().from(Edge.Kind.CONTAINS, profile.id())) {
      Optional<RoleNode> role = linked.target(contains, RoleNode.class);
      if (role.isEmpty() || !failsTrust(role.get())) {
        continue;
      }
      RoleNode r = role.get();
      List<Location> related = new ArrayList<>();
      related.add(new Location(profile.span(), profile.address(), "Instance profile '" + profile.address() + "'."));
      related.add(
          new Location(
              r.trust() != null ? r.trust().span() : r.span(), r.address(), "Trust policy of role '" + r.address() + "'."));
      ctx.fail(
          at,
          "Launch template '" + lt.address() + "' uses instance profile '" + profile.address()
              + "' whose role '" + r.address() + "' does not let the EC2 service assume it.",
          related,
          "profile role " + r.address(),
          HELP,
          false);
    }
  }

  /** Whether the role fails EKS001 in some scenario (or has no trust policy at all). */
  private static boolean failsTrust(RoleNode role) {
    if (role.trust() == null) {
      return true;
    }
    List<Guard> guards = new ArrayList<>(TrustPolicies.guards(role.trust()));
    guards.add(role.guard());
    for (Scenario s : Conditions.scenarios(guards)) {
      if (role.guard().holdsIn(s) && TrustPolicies.trustsEc2(role.trust(), s) == TrustPolicies.Answer.NO) {
        return true;
      }
    }
    return false;
  }

  private static boolean usedByManagedNodeGroup(LaunchTemplateNode lt, LinkedGraph linked) {
    return linked.edges().to(Edge.Kind.USES_TEMPLATE, lt.id()).stream()
        .anyMatch(e -> linked.node(e.from(), NodeGroupNode.class).isPresent());
  }
}

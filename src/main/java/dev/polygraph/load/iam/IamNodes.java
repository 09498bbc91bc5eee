package dev.polygraph.load.iam;

import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Graph nodes from the objects the IAM API describes roles, policies and instance profiles with
 * (the same shapes in {@code get-role}, {@code get-policy} and account dumps). Addresses are
 * {@code role/NAME}, {@code policy/NAME}, {@code instance-profile/NAME}.
 */
final class IamNodes {

  private IamNodes() {}

  /**
   * A role from a {@code Role} object or a {@code RoleDetailList} item; empty without a RoleName.
   *
   * @param attached managed policy ARNs attached from elsewhere (list-attached-role-policies)
   * @param attachedSpan where those are listed, or null
   */
  static Optional<RoleNode> role(String file, MapValue role, List<Text> attached, Span attachedSpan) {
    Optional<MapValue.Entry> nameEntry = role.entry("RoleName");
    Optional<String> name = nameEntry.flatMap(e -> literal(e.value()));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String address = "role/" + name.get();
    PolicyDocument trust =
        role.get("AssumeRolePolicyDocument")
            .map(d -> PolicyParser.parse("trust policy of '" + address + "'", IamDocuments.document(d)))
            .orElse(null);
    List<Guarded<PolicyDocument>> inline = new ArrayList<>();
    for (MapValue p : maps(role.get("RolePolicyList"))) {
      Optional<Value> document = p.get("PolicyDocument");
      if (document.isPresent()) {
        String policyName = p.get("PolicyName").flatMap(IamNodes::literal).orElse("?");
        inline.add(always(PolicyParser.parse("inline policy '" + policyName + "'", IamDocuments.document(document.get()))));
      }
    }
    List<Guarded<Value>> managed = new ArrayList<>();
    Span managedSpan = attachedSpan;
    Optional<MapValue.Entry> attachedHere = role.entry("AttachedManagedPolicies");
    if (attachedHere.isPresent()) {
      managedSpan = attachedHere.get().keySpan();
      for (MapValue p : maps(attachedHere.map(MapValue.Entry::value))) {
        p.get("PolicyArn").filter(Text.class::isInstance).ifPresent(arn -> managed.add(always(arn)));
      }
    }
    attached.forEach(arn -> managed.add(always(arn)));
    Guarded<Value> boundary =
        role.get("PermissionsBoundary")
            .filter(MapValue.class::isInstance)
            .flatMap(b -> ((MapValue) b).get("PermissionsBoundaryArn"))
            .map(IamNodes::always)
            .orElse(null);
    MapValue.Entry n = nameEntry.get();
    return Optional.of(
        new RoleNode(
            new NodeId(file, address),
            n.keySpan().union(n.value().span()),
            Guard.ALWAYS,
            n.value(),
            trust,
            inline,
            managed,
            managedSpan,
            boundary));
  }

  /** The instance profiles a role element lists ({@code InstanceProfileList}). */
  static List<InstanceProfileNode> instanceProfiles(String file, MapValue role) {
    List<InstanceProfileNode> out = new ArrayList<>();
    for (MapValue profile : maps(role.get("InstanceProfileList"))) {
      Optional<MapValue.Entry> nameEntry = profile.entry("InstanceProfileName");
      Optional<String> name = nameEntry.flatMap(e -> literal(e.value()));
      if (name.isEmpty()) {
        continue;
      }
      List<Guarded<Value>> roles = new ArrayList<>();
      for (MapValue r : maps(profile.get("Roles"))) {
        r.get("RoleName").filter(Text.class::isInstance).ifPresent(v -> roles.add(always(v)));
      }
      MapValue.Entry n = nameEntry.get();
      out.add(
          new InstanceProfileNode(
              new NodeId(file, "instance-profile/" + name.get()),
              n.keySpan().union(n.value().span()),
              Guard.ALWAYS,
              n.value(),
              roles));
    }
    return out;
  }

  /**
   * A customer-managed policy with its default version's document ({@code Policies} item of a
   * dump, or get-policy with get-policy-version); empty for AWS managed policies, which the
   * catalogue knows, and for policies without a document.
   *
   * @param version the version object when it comes from a separate file, else null
   */
  static Optional<ManagedPolicyNode> managedPolicy(String file, MapValue policy, MapValue version) {
    Optional<MapValue.Entry> nameEntry = policy.entry("PolicyName");
    Optional<String> name = nameEntry.flatMap(e -> literal(e.value()));
    Optional<String> arn = policy.get("Arn").flatMap(IamNodes::literal);
    if (name.isEmpty() || arn.filter(a -> a.contains(":iam::aws:policy/")).isPresent()) {
      return Optional.empty();
    }
    Optional<String> defaultVersion = policy.get("DefaultVersionId").flatMap(IamNodes::literal);
    MapValue chosen = version;
    if (chosen == null) {
      for (MapValue v : maps(policy.get("PolicyVersionList"))) {
        boolean isDefault =
            v.get("IsDefaultVersion").flatMap(IamNodes::literal).filter("true"::equalsIgnoreCase).isPresent()
                || v.get("VersionId").flatMap(IamNodes::literal).equals(defaultVersion);
        if (isDefault) {
          chosen = v;
          break;
        }
      }
    }
    if (chosen == null || chosen.get("Document").isEmpty()) {
      return Optional.empty();
    }
    MapValue.Entry n = nameEntry.get();
    PolicyDocument document =
        PolicyParser.parse("managed policy '" + name.get() + "'", IamDocuments.document(chosen.get("Document").get()));
    return Optional.of(
        new ManagedPolicyNode(
            new NodeId(file, "policy/" + name.get()),
            n.keySpan().union(n.value().span()),
            Guard.ALWAYS,
            n.value(),
            document,
            List.of()));
  }

  /** An inline policy from {@code get-role-policy}, put on the role it names. */
  static Optional<InlinePolicyNode> rolePolicy(String file, MapValue output) {
    Optional<String> role = output.get("RoleName").flatMap(IamNodes::literal);
    Optional<MapValue.Entry> nameEntry = output.entry("PolicyName");
    Optional<String> name = nameEntry.flatMap(e -> literal(e.value()));
    if (role.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    MapValue.Entry n = nameEntry.get();
    PolicyDocument document =
        PolicyParser.parse("inline policy '" + name.get() + "'", IamDocuments.document(output.get("PolicyDocument").get()));
    return Optional.of(
        new InlinePolicyNode(
            new NodeId(file, "role/" + role.get() + "/policy/" + name.get()),
            n.keySpan().union(n.value().span()),
            Guard.ALWAYS,
            n.value(),
            document,
            List.of(always(output.get("RoleName").get()))));
  }

  /** The policy ARNs of a {@code list-attached-role-policies} output. */
  static List<Text> attachedArns(MapValue output) {
    List<Text> out = new ArrayList<>();
    for (MapValue p : maps(output.get("AttachedPolicies"))) {
      p.get("PolicyArn").filter(Text.class::isInstance).ifPresent(arn -> out.add((Text) arn));
    }
    return out;
  }

  static List<MapValue> maps(Optional<Value> list) {
    List<MapValue> out = new ArrayList<>();
    if (list.isPresent() && list.get() instanceof ListValue l) {
      for (Value item : l.items()) {
        if (item instanceof MapValue m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  static Optional<String> literal(Value v) {
    return v instanceof Text t ? t.literal() : Optional.empty();
  }

  static <T> Guarded<T> always(T value) {
    return new Guarded<>(Guard.ALWAYS, value);
  }
}

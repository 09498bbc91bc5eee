package dev.polygraph.load.tf.module;

import dev.polygraph.graph.NodeId;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfResolved;
import dev.polygraph.load.tf.eval.TfStep;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.resource.PolicyDocumentData;
import dev.polygraph.load.tf.resource.TfInstance;
import dev.polygraph.load.tf.resource.TfResources;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code resource} or {@code data} block in one module instance: its instances, and what
 * references to it mean. Configured arguments are their values; what the provider computes is a
 * symbol naming the instance, which is what links the graph.
 */
final class ResourceBlock {

  private static final List<String> IDENTITY = List.of("arn", "id", "name");

  /**
   * Resources other resources name to link to them. Their identity attributes stay references even
   * when the name is configured: two configurations scanned together may both name a role
   * "eks-node", and {@code aws_iam_role.node.name} must still mean this configuration's role.
   */
  private static final Set<String> LINKED = Set.of("aws_iam_role", "aws_iam_policy",
      "aws_iam_instance_profile", "aws_eks_cluster", "aws_launch_template", "aws_launch_configuration");

  /**
   * What the data sources IAM code reads compute, by type: an instance read as a whole ({@code
   * data.aws_iam_policy_document.x[*].json}, a splat over {@code count = 1}) has them too.
   */
  private static final java.util.Map<String, List<String>> DATA_ATTRIBUTES = java.util.Map.of(
      "aws_partition", List.of("partition", "dns_suffix"),
      "aws_caller_identity", List.of("account_id"),
      "aws_region", List.of("region"),
      "aws_iam_policy_document", List.of("json", "minified_json"),
      "aws_iam_policy", List.of("policy"),
      "aws_service_principal", List.of(),
      "aws_ssm_parameter", List.of("value", "insecure_value"));

  private final ModuleInstance owner;
  /** The address within the module: {@code aws_iam_role.node}, {@code data.aws_partition.x}. */
  private final String name;
  private final Block block;
  private final boolean data;
  private final String type;
  private List<TfInstance> instances;
  /** The expansion entry of each instance, in the same order. */
  private List<Expansion.Instance> keys = List.of();
  private Expansion expansion;

  ResourceBlock(ModuleInstance owner, String name, Block block) {
    this.owner = owner;
    this.name = name;
    this.block = block;
    this.data = block.type().equals("data");
    this.type = block.labelValues().get(0);
  }

  void map() {
    for (TfInstance instance : instances()) {
      TfResources.map(instance, owner.run.out);
    }
    if (expansion != null && expansion.partial() && !data) {
      TfResources.map(moreInstance(), owner.run.out);
    }
  }

  /**
   * The instances a partly known for_each may have besides the known ones, as one instance whose
   * {@code each} is not known: what does not depend on {@code each} (the role an attachment is for)
   * is still known, so the graph sees "this role may have more policies", never "no more".
   */
  private TfInstance moreInstance() {
    Span at = TfModule.header(block);
    Unknown more = new Unknown("one of the instances a partly known for_each may have: " + expansion.unknown(), at);
    TfEvaluator evaluator = owner.evaluator.bind("each", object(List.of(
        new MapValue.Entry("key", at, more), new MapValue.Entry("value", at, more)), at));
    String file = block.span().file();
    String address = owner.address + name + "[…]";
    if (!ModulePaths.isUnder(file, owner.rootDir)) {
      address = ModulePaths.display(owner.rootDir) + ":" + address;
    }
    return new TfInstance(type, data, new NodeId(file, address), at, owner.guard, block, evaluator);
  }

  /** The instances, computed once; a count or for_each that cannot be told gives none and a note. */
  List<TfInstance> instances() {
    if (instances != null) {
      return instances;
    }
    instances = List.of();
    Optional<Attribute> count = block.body().attribute("count");
    Optional<Attribute> forEach = block.body().attribute("for_each");
    Expansion expanded = count.isPresent()
        ? Expansion.count(owner.evaluator.evaluate(count.get().value()))
        : forEach.isPresent()
            ? Expansion.forEach(owner.evaluator.evaluate(forEach.get().value()), owner.evaluator::isMore)
            : Expansion.single();
    expansion = expanded;
    if (expanded.partial()) {
      Attribute at = count.orElseGet(forEach::get);
      owner.note(at.span(), "'" + owner.address + name + "' may have more instances than polygraph reads: its "
          + at.name() + " is only partly known: " + expanded.unknown() + ".");
    } else if (expanded.unknown() != null) {
      Attribute at = count.orElseGet(forEach::get);
      owner.note(at.span(), "'" + owner.address + name + "' is not read: its " + at.name()
          + " is not known: " + expanded.unknown() + ".");
      return instances;
    }
    List<TfInstance> out = new ArrayList<>();
    List<Expansion.Instance> kept = new ArrayList<>();
    for (Expansion.Instance e : expanded.instances()) {
      Optional<Guard> guard = owner.guard.and(e.guard());
      if (guard.isEmpty()) {
        continue;
      }
      TfEvaluator evaluator = owner.evaluator;
      String suffix = "";
      if (e.key() != null) {
        suffix = e.suffix();
        evaluator = e.counted()
            ? evaluator.bind("count", object(List.of(new MapValue.Entry("index", e.key().span(), e.key())), e.key().span()))
            : evaluator.bind("each", object(List.of(
                new MapValue.Entry("key", e.key().span(), e.key()),
                new MapValue.Entry("value", e.key().span(), e.eachValue())), e.key().span()));
      }
      String file = block.span().file();
      String address = owner.address + name + suffix;
      if (!ModulePaths.isUnder(file, owner.rootDir)) {
        address = ModulePaths.display(owner.rootDir) + ":" + address;
      }
      out.add(new TfInstance(type, data, new NodeId(file, address), TfModule.header(block), guard.get(),
          block, evaluator));
      kept.add(e);
    }
    keys = List.copyOf(kept);
    instances = List.copyOf(out);
    return instances;
  }

  /** {@code name[key].attr...}: steps from {@code used} on are after the block's name. */
  TfResolved resolve(List<TfStep> steps, int used, Span span) {
    List<TfInstance> all = instances();
    if (expansion == null) {
      return new TfResolved(new Unknown("the count or for_each of '" + name + "' refers to the block itself", span),
          steps.size());
    }
    boolean expanded = block.body().attribute("count").isPresent() || block.body().attribute("for_each").isPresent();
    if (expansion.unknown() != null && !expansion.partial()) {
      return new TfResolved(new Unknown("the instances of '" + owner.address + name + "' are not known: "
          + expansion.unknown(), span), steps.size());
    }
    if (!expanded) {
      if (all.isEmpty()) {
        return new TfResolved(new Unknown("'" + name + "' has no instance here", span), used);
      }
      return attributeOrObject(all.get(0), steps, used, span);
    }
    if (used < steps.size() && !steps.get(used).isAttribute()) {
      TfStep index = steps.get(used);
      Optional<String> key = Values.literal(index.key());
      if (key.isEmpty()) {
        return new TfResolved(new Unknown("the instance key of '" + name + "' is not known", span), steps.size());
      }
      for (int i = 0; i < all.size(); i++) {
        if (keys.get(i).key() instanceof Text t && t.literal().equals(key)) {
          return attributeOrObject(all.get(i), steps, used + 1, span);
        }
      }
      String why = expansion.partial() ? ": its instances are only partly known: " + expansion.unknown() : "";
      return new TfResolved(new Unknown("'" + name + "' has no instance [" + key.get() + "]" + why, index.span()),
          used + 1);
    }
    boolean counted = block.body().attribute("count").isPresent();
    List<Value> items = new ArrayList<>();
    List<MapValue.Entry> entries = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Value object = object(all.get(i), span);
      if (counted) {
        items.add(object);
      } else {
        Text key = (Text) keys.get(i).key();
        entries.add(new MapValue.Entry(key.literal().orElse(""), key.span(), object));
      }
    }
    if (expansion.partial()) {
      // The known instances, and a marker for the ones that may follow.
      Unknown more = owner.evaluator.more("the instances of '" + owner.address + name + "' are only partly known: "
          + expansion.unknown(), span);
      entries.add(new MapValue.Entry("…", span, more));
    }
    return new TfResolved(counted ? new ListValue(items, span) : new MapValue(entries, span), used);
  }

  private TfResolved attributeOrObject(TfInstance instance, List<TfStep> steps, int used, Span span) {
    if (used < steps.size() && steps.get(used).isAttribute()) {
      TfStep step = steps.get(used);
      Value value = attribute(instance, step.attribute(), step.span());
      if (used + 1 < steps.size() && value instanceof Text text && text.soleSymbol().orElse(null)
          instanceof Symbol.ResourceAttr computed && computed.address().equals(instance.id().address())) {
        return computedPath(computed, steps, used + 1, text.span());
      }
      return new TfResolved(value, used + 1);
    }
    return new TfResolved(object(instance, span), used);
  }

  /**
   * A computed attribute read further ({@code identity[0].oidc[0].issuer}): still a value the
   * provider computes, named by the whole path.
   */
  private static TfResolved computedPath(Symbol.ResourceAttr computed, List<TfStep> steps, int from, Span span) {
    StringBuilder path = new StringBuilder(computed.attribute());
    for (int i = from; i < steps.size(); i++) {
      TfStep step = steps.get(i);
      Optional<String> key = step.isAttribute() ? Optional.empty() : Values.literal(step.key());
      if (step.isAttribute()) {
        path.append('.').append(step.attribute());
      } else if (key.isPresent()) {
        path.append('[').append(key.get()).append(']');
      } else {
        return new TfResolved(new Unknown("the index into '" + computed.address() + "." + path
            + "' is not known", step.span()), steps.size());
      }
    }
    Symbol.ResourceAttr whole = new Symbol.ResourceAttr(computed.file(), computed.address(), path.toString());
    return new TfResolved(Text.of(whole, span.union(steps.get(steps.size() - 1).span())), steps.size());
  }

  /** The instance as an object: its arguments, and the identity attributes the provider computes. */
  private Value object(TfInstance instance, Span span) {
    List<MapValue.Entry> entries = new ArrayList<>();
    for (Attribute a : block.body().attributes()) {
      if (!a.name().equals("count") && !a.name().equals("for_each") && !a.name().equals("provider")
          && !a.name().equals("depends_on")) {
        entries.add(new MapValue.Entry(a.name(), a.nameSpan(), attribute(instance, a.name(), span)));
      }
    }
    List<String> computedAttributes = new ArrayList<>(IDENTITY);
    if (data) {
      computedAttributes.addAll(DATA_ATTRIBUTES.getOrDefault(type, List.of()));
    }
    for (String computed : computedAttributes) {
      if (block.body().attribute(computed).isEmpty()) {
        entries.add(new MapValue.Entry(computed, span, attribute(instance, computed, span)));
      }
    }
    return new MapValue(entries, span);
  }

  private static MapValue object(List<MapValue.Entry> entries, Span span) {
    return new MapValue(entries, span);
  }

  /** One attribute of one instance, remembered. */
  Value attribute(TfInstance instance, String attribute, Span span) {
    return owner.remembered(instance.id().address() + "." + attribute, span, () -> compute(instance, attribute, span));
  }

  private Value compute(TfInstance instance, String attribute, Span span) {
    if (data) {
      Value special = dataAttribute(instance, attribute, span);
      if (special != null) {
        return special;
      }
    }
    Optional<Attribute> configured = block.body().attribute(attribute);
    if (configured.isEmpty() || (!data && LINKED.contains(type) && IDENTITY.contains(attribute))) {
      return symbol(instance, attribute, span);
    }
    return computedWhereAbsent(instance.evaluator().evaluate(configured.get().value()), instance, attribute);
  }

  /** A configured argument that is null in some branch: there the provider computes it. */
  private Value computedWhereAbsent(Value value, TfInstance instance, String attribute) {
    if (value instanceof Absent) {
      return symbol(instance, attribute, value.span());
    }
    if (value instanceof OneOf one) {
      List<Guarded<Value>> branches = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        branches.add(new Guarded<>(b.guard(), computedWhereAbsent(b.value(), instance, attribute)));
      }
      return new OneOf(branches, one.span());
    }
    return value;
  }

  private static Value symbol(TfInstance instance, String attribute, Span span) {
    return Text.of(new Symbol.ResourceAttr(instance.id().file(), instance.id().address(), attribute), span);
  }

  private static Text pseudo(Symbol.PseudoKind kind, Span span) {
    return Text.of(new Symbol.Pseudo(kind), span);
  }

  /** What the data sources IAM code reads give; null for an attribute read like any other. */
  private Value dataAttribute(TfInstance instance, String attribute, Span span) {
    switch (type) {
      case "aws_partition":
        if (attribute.equals("partition") || attribute.equals("id")) {
          return pseudo(Symbol.PseudoKind.PARTITION, span);
        }
        return attribute.equals("dns_suffix") ? pseudo(Symbol.PseudoKind.URL_SUFFIX, span) : null;
      case "aws_caller_identity":
        return attribute.equals("account_id") ? pseudo(Symbol.PseudoKind.ACCOUNT_ID, span) : null;
      case "aws_region":
        return attribute.equals("name") || attribute.equals("region") || attribute.equals("id")
            ? pseudo(Symbol.PseudoKind.REGION, span) : null;
      case "aws_iam_policy_document":
        return attribute.equals("json") || attribute.equals("minified_json")
            ? owner.run.json.encode(PolicyDocumentData.document(instance), instance.span())
            : null;
      case "aws_iam_policy":
        return managedPolicy(instance, attribute, span);
      case "aws_iam_role":
        if (attribute.equals("arn")) {
          Optional<String> role = configuredLiteral(instance, "name");
          if (role.isPresent()) {
            return new Text(List.of(new Text.Literal("arn:"), new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.PARTITION)),
                new Text.Literal(":iam::"), new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.ACCOUNT_ID)),
                new Text.Literal(":role/" + role.get())), span);
          }
        }
        return null;
      case "aws_service_principal":
        // The service's principal is "<service>.<DNS suffix>" in every partition polygraph models
        // (ec2.amazonaws.com, ec2.amazonaws.com.cn); the suffix stays the partition's symbol.
        if (attribute.equals("name") || attribute.equals("id")) {
          Optional<String> service = configuredLiteral(instance, "service_name");
          if (service.isPresent()) {
            return new Text(List.of(new Text.Literal(service.get() + "."),
                new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.URL_SUFFIX))), span);
          }
        }
        return null;
      case "aws_ssm_parameter":
        return attribute.equals("value") || attribute.equals("insecure_value")
            ? Text.of(new Symbol.Opaque(instance.id().address() + "." + attribute,
                "an SSM parameter's value is read when Terraform runs"), span)
            : null;
      default:
        return null;
    }
  }

  /** {@code data "aws_iam_policy"} of an AWS managed policy polygraph knows: its ARN and document. */
  private Value managedPolicy(TfInstance instance, String attribute, Span span) {
    if (!attribute.equals("arn") && !attribute.equals("policy") && !attribute.equals("name")) {
      return null;
    }
    Optional<String> name = configuredLiteral(instance, "name");
    if (name.isEmpty()) {
      name = block.body().attribute("arn")
          .flatMap(a -> dev.polygraph.policy.ManagedPolicies.awsManagedName(instance.evaluator().evaluate(a.value())));
    }
    if (name.isEmpty()) {
      return null;
    }
    Optional<PolicyDocument> document = owner.run.managedPolicies().byName(name.get());
    if (document.isEmpty()) {
      return null;
    }
    switch (attribute) {
      case "name":
        return Text.of(name.get(), span);
      case "arn":
        if (block.body().attribute("arn").isPresent()) {
          return null;
        }
        return new Text(List.of(new Text.Literal("arn:"), new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.PARTITION)),
            new Text.Literal(":iam::aws:policy/" + name.get())), span);
      default:
        return document.get().source() == null ? null : owner.run.json.encode(document.get().source(), span);
    }
  }

  private Optional<String> configuredLiteral(TfInstance instance, String argument) {
    return block.body().attribute(argument).flatMap(a -> Values.literal(instance.evaluator().evaluate(a.value())));
  }
}

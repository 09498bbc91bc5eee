package dev.polygraph.load.tf.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.eval.TfResolved;
import dev.polygraph.load.tf.eval.TfScope;
import dev.polygraph.load.tf.eval.TfStep;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One root module in a single file "main.tf" (plus "terraform.tfvars"), with a small scope that
 * answers as the loader does: variables from the tfvars, locals, configured resource arguments,
 * computed attributes as resource symbols, policy documents through {@link PolicyDocumentData}.
 */
final class TestModule implements TfScope {

  static final String FILE = "main.tf";

  private final Body body;
  private final Body tfvars;
  private final TfJson json = new TfJson();
  private final TfEvaluator evaluator;

  TestModule(String hcl) {
    this(hcl, "");
  }

  TestModule(String hcl, String tfvars) {
    this.body = parse(FILE, hcl);
    this.tfvars = parse("terraform.tfvars", tfvars);
    this.evaluator = new TfEvaluator(this, json);
  }

  private static Body parse(String name, String text) {
    HclResult r = HclFiles.parse(name, text);
    assertEquals(List.of(), r.problems(), "test HCL must parse");
    return r.body();
  }

  TfJson json() {
    return json;
  }

  /** The instance of {@code resource "T" "N"} ("T.N") or {@code data "T" "N"} ("data.T.N"). */
  TfInstance instance(String address) {
    return instance(address, Guard.ALWAYS);
  }

  TfInstance instance(String address, Guard guard) {
    boolean data = address.startsWith("data.");
    String[] parts = (data ? address.substring(5) : address).split("\\.");
    Block block = block(data ? "data" : "resource", parts[0], parts[1]).orElseThrow();
    return new TfInstance(
        parts[0], data, new NodeId(FILE, address), header(block), guard, block, evaluator);
  }

  /** Every resource block's nodes. */
  PolicyGraph graph() {
    PolicyGraph.Builder out = PolicyGraph.builder();
    for (Block b : body.blocks("resource")) {
      TfResources.map(instance(String.join(".", b.labelValues())), out);
    }
    return out.build();
  }

  /** {@code data.aws_iam_policy_document.NAME}'s document. */
  Value document(String name) {
    return PolicyDocumentData.document(instance("data.aws_iam_policy_document." + name));
  }

  /** From the block's type keyword to the end of its last label. */
  static Span header(Block b) {
    Span last = b.labels().get(b.labels().size() - 1).span();
    return new Span(
        b.span().file(), b.span().startLine(), b.span().startColumn(), last.endLine(), last.endColumn());
  }

  private Optional<Block> block(String kind, String type, String name) {
    return body.blocks(kind).stream()
        .filter(b -> b.labelValues().equals(List.of(type, name)))
        .findFirst();
  }

  @Override
  public TfResolved resolve(String root, List<TfStep> steps, Span span) {
    if (root.equals("var") || root.equals("local")) {
      Body from = root.equals("var") ? tfvars : locals();
      String name = steps.get(0).attribute();
      Value v =
          from.attribute(name)
              .map(a -> evaluator.evaluate(a.value()))
              .orElseGet(() -> new Unknown(root + " '" + name + "' has no value", span));
      return new TfResolved(v, 1);
    }
    if (root.equals("data") && steps.size() >= 3) {
      return data(steps.get(0).attribute(), steps.get(1).attribute(), steps, span);
    }
    if (!steps.isEmpty() && steps.get(0).isAttribute()) {
      Optional<Block> resource = block("resource", root, steps.get(0).attribute());
      if (resource.isPresent()) {
        return resource(root + "." + steps.get(0).attribute(), resource.get(), steps, 1, span);
      }
    }
    return null;
  }

  private TfResolved data(String type, String name, List<TfStep> steps, Span span) {
    String address = "data." + type + "." + name;
    Optional<Block> block = block("data", type, name);
    if (block.isEmpty()) {
      return null;
    }
    String attribute = steps.get(2).attribute();
    switch (type) {
      case "aws_iam_policy_document":
        if (attribute.equals("json")) {
          return new TfResolved(json.encode(PolicyDocumentData.document(instance(address)), span), 3);
        }
        break;
      case "aws_partition":
        return new TfResolved(Text.of(new Symbol.Pseudo(Symbol.PseudoKind.PARTITION), span), 3);
      case "aws_ssm_parameter":
        if (attribute.equals("value")) {
          return new TfResolved(
              Text.of(new Symbol.Opaque(address + ".value", "an SSM parameter's value"), span), 3);
        }
        break;
      default:
        break;
    }
    return resource(address, block.get(), steps, 2, span);
  }

  /** A configured argument's value, or the computed attribute as a resource symbol. */
  private TfResolved resource(String address, Block block, List<TfStep> steps, int used, Span span) {
    int at = used;
    String full = address;
    if (at < steps.size() && !steps.get(at).isAttribute()) {
      Value key = steps.get(at).key();
      String k = Values.literal(key).orElse("?");
      full += k.chars().allMatch(Character::isDigit) ? "[" + k + "]" : "[\"" + k + "\"]";
      at++;
    }
    if (at >= steps.size()) {
      return new TfResolved(new Unknown("'" + full + "' as a whole is not modelled here", span), at);
    }
    String attribute = steps.get(at).attribute();
    Optional<Attribute> configured = block.body().attribute(attribute);
    if (configured.isPresent()) {
      return new TfResolved(evaluator.evaluate(configured.get().value()), at + 1);
    }
    return new TfResolved(Text.of(new Symbol.ResourceAttr(FILE, full, attribute), span), at + 1);
  }

  private Body locals() {
    List<Attribute> all =
        body.blocks("locals").stream()
            .flatMap(b -> b.body().attributes().stream())
            .collect(Collectors.toList());
    return new Body(all, List.of(), body.span());
  }

  @Override
  public Optional<SourceFile> file(String path) {
    return Optional.empty();
  }

  @Override
  public String guardPrefix() {
    return "";
  }
}

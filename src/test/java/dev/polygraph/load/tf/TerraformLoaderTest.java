package dev.polygraph.load.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformLoaderTest {

  @TempDir Path dir;

  private record Loaded(TerraformLoader.Result result, PolicyGraph graph) {
    /** Role address → its name as text ({@code ${...}} for symbols, "?reason" for unknown). */
    Map<String, String> roleNames() {
      Map<String, String> out = new TreeMap<>();
      for (RoleNode role : graph.roles()) {
        out.put(role.id().address(), show(role.name()));
      }
      return out;
    }

    RoleNode role(String address) {
      return graph.roles().stream().filter(r -> r.id().address().equals(address)).findFirst().orElseThrow();
    }
  }

  private static String show(Value value) {
    if (value instanceof Text text) {
      return text.display();
    }
    if (value instanceof Unknown unknown) {
      return "?" + unknown.reason();
    }
    return String.valueOf(value);
  }

  private void write(String name, String text) {
    try {
      Path path = dir.resolve(name);
      Files.createDirectories(path.getParent());
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<SourceFile> read(String name) {
    Path path = dir.resolve(name).normalize();
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SourceFile(path, name, Files.readString(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the scanned files (names relative to the temp dir): .tf as modules, the rest as tfvars. */
  private Loaded load(TfOptions options, String... scanned) {
    List<SourceFile> tf = java.util.Arrays.stream(scanned).filter(n -> n.endsWith(".tf"))
        .map(n -> read(n).orElseThrow()).toList();
    List<SourceFile> vars = java.util.Arrays.stream(scanned).filter(n -> !n.endsWith(".tf"))
        .map(n -> read(n).orElseThrow()).toList();
    PolicyGraph.Builder out = PolicyGraph.builder();
    TerraformLoader.Result result = new TerraformLoader(options, this::read).load(tf, vars, out);
    return new Loaded(result, out.build());
  }

  private static String role(String name, String nameExpr) {
    // The description repeats the name: other resources read it to see values flow (a role's name,
    // ARN and id read from elsewhere stay references to the role).
    return "resource \"aws_iam_role\" \"" + name + "\" {\n  name = " + nameExpr + "\n  description = " + nameExpr + "\n}\n";
  }

  @Test
  void variablesTakeTheLastOfDefaultTfvarsAutoVarFilesAndVars() {
    StringBuilder tf = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      tf.append("variable \"v").append(i).append("\" {\n  default = \"default\"\n}\n");
      tf.append(role("r" + i, "var.v" + i));
    }
    write("main.tf", tf.toString());
    write("terraform.tfvars", "v2 = \"tfvars\"\nv3 = \"tfvars\"\nv4 = \"tfvars\"\nv5 = \"tfvars\"\nv6 = \"tfvars\"\nv7 = \"tfvars\"\n");
    write("terraform.tfvars.json", "{\"v3\": \"tfvars.json\", \"v4\": \"tfvars.json\", \"v5\": \"tfvars.json\", \"v6\": \"tfvars.json\", \"v7\": \"tfvars.json\"}");
    write("a.auto.tfvars", "v4 = \"a.auto\"\nv5 = \"a.auto\"\nv6 = \"a.auto\"\nv7 = \"a.auto\"\n");
    write("b.auto.tfvars.json", "{\"v5\": \"b.auto\", \"v6\": \"b.auto\", \"v7\": \"b.auto\"}");
    write("extra/prod.tfvars", "v6 = \"prod\"\nv7 = \"prod\"\n");
    write("unused.tfvars", "v1 = \"never\"\n");
    Loaded loaded = load(new TfOptions(List.of("extra/prod.tfvars"), Map.of("v7", "cli")),
        "main.tf", "terraform.tfvars", "terraform.tfvars.json", "a.auto.tfvars", "b.auto.tfvars.json",
        "unused.tfvars");
    assertEquals(Map.of("aws_iam_role.r1", "default", "aws_iam_role.r2", "tfvars",
        "aws_iam_role.r3", "tfvars.json", "aws_iam_role.r4", "a.auto", "aws_iam_role.r5", "b.auto",
        "aws_iam_role.r6", "prod", "aws_iam_role.r7", "cli"), loaded.roleNames());
    assertEquals(List.of(), loaded.result().problems());
  }

  @Test
  void commandLineValuesAreHclWhenTheyReadAsHclAndStringsOtherwise() {
    write("main.tf", "variable \"names\" {}\nvariable \"plain\" {}\nvariable \"unset\" {}\n"
        + role("first", "var.names[1]") + role("plain", "var.plain") + role("unset", "var.unset"));
    Loaded loaded = load(new TfOptions(List.of(), Map.of("names", "[\"a\", \"b\"]", "plain", "ipv6")), "main.tf");
    assertEquals(Map.of("aws_iam_role.first", "b", "aws_iam_role.plain", "ipv6", "aws_iam_role.unset",
        "?variable 'unset' has no default and no value is set (--tf-var unset=…, or a .tfvars file)"),
        loaded.roleNames());
    // The value of a --tf-var points at the variable's declaration.
    assertEquals(new Span("main.tf", 2, 1, 2, 17), loaded.role("aws_iam_role.plain").name().span());
  }

  @Test
  void localsAreEvaluatedOnceAndACycleIsUnknown() {
    write("main.tf", "locals {\n  prefix = \"eks-${local.env}\"\n  env = \"prod\"\n  a = local.b\n  b = local.a\n}\n"
        + role("named", "\"${local.prefix}-nodes\"") + role("cycle", "local.a"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.named", "eks-prod-nodes", "aws_iam_role.cycle", "?local 'a' refers to itself"),
        loaded.roleNames());
  }

  @Test
  void countAndForEachGiveInstancesWithTheirAddresses() {
    write("main.tf", "resource \"aws_iam_role\" \"counted\" {\n  count = 2\n  name = \"c-${count.index}\"\n"
        + "  description = \"c-${count.index}\"\n}\n"
        + "resource \"aws_iam_role\" \"keyed\" {\n  for_each = { blue = \"b\", green = \"g\" }\n"
        + "  name = \"${each.key}-${each.value}\"\n  description = \"${each.key}-${each.value}\"\n}\n"
        + "resource \"aws_iam_role\" \"set\" {\n  for_each = toset([\"x\"])\n  name = each.value\n"
        + "  assume_role_policy = \"{}\"\n}\n"
        + role("second", "aws_iam_role.counted[1].description")
        + role("green", "aws_iam_role.keyed[\"green\"].description"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.counted[0]", "c-0", "aws_iam_role.counted[1]", "c-1",
        "aws_iam_role.keyed[\"blue\"]", "blue-b", "aws_iam_role.keyed[\"green\"]", "green-g",
        "aws_iam_role.set[\"x\"]", "x", "aws_iam_role.second", "c-1", "aws_iam_role.green", "green-g"),
        loaded.roleNames());
    assertEquals(new Span("main.tf", 1, 1, 1, 34), loaded.role("aws_iam_role.counted[0]").span());
  }

  @Test
  void anUnknownCountGivesInstanceZeroUnderItsGuardAndAnUnknownForEachANote() {
    write("main.tf", "variable \"create\" {\n  type = bool\n}\nvariable \"roles\" {}\n"
        + "resource \"aws_iam_role\" \"maybe\" {\n  count = var.create ? 1 : 0\n  name = \"maybe\"\n"
        + "  assume_role_policy = \"{}\"\n}\n"
        + "resource \"aws_iam_role\" \"each\" {\n  for_each = var.roles\n  name = each.key\n"
        + "  assume_role_policy = \"{}\"\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.maybe[0]", "maybe"), loaded.roleNames());
    assertEquals(Guard.of("var.create", true), loaded.role("aws_iam_role.maybe[0]").guard());
    assertEquals(List.of(new InputProblem(new Span("main.tf", 11, 3, 11, 23),
        "'aws_iam_role.each' is not read: its for_each is not known: variable 'roles' has no default and no"
            + " value is set (--tf-var roles=…, or a .tfvars file).")), loaded.result().notes());
  }

  @Test
  void aLocalModuleGetsItsInputsAndGivesBackItsOutputsThroughNestedCalls() {
    write("main.tf", "module \"nodes\" {\n  source = \"./modules/nodes\"\n  prefix = \"team\"\n}\n"
        + role("top", "module.nodes.inner_name"));
    write("modules/nodes/main.tf", "variable \"prefix\" {}\nvariable \"suffix\" {\n  default = \"nodes\"\n}\n"
        + "variable \"missing\" {}\n"
        + role("this", "\"${var.prefix}-${var.suffix}\"") + role("missing", "var.missing")
        + "module \"inner\" {\n  source = \"../inner\"\n  name = aws_iam_role.this.description\n}\n"
        + "output \"inner_name\" {\n  value = module.inner.name\n}\n");
    write("modules/inner/main.tf", "variable \"name\" {}\n" + role("this", "\"${var.name}-inner\"")
        + role("where", "\"${path.module} in ${path.root}\"")
        + "output \"name\" {\n  value = aws_iam_role.this.description\n}\n"
        + "output \"path\" {\n  value = path.module\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("module.nodes.aws_iam_role.this", "team-nodes",
        "module.nodes.aws_iam_role.missing", "?input 'missing' of module 'nodes' is not set",
        "module.nodes.module.inner.aws_iam_role.this", "team-nodes-inner",
        "module.nodes.module.inner.aws_iam_role.where", "modules/inner in .",
        "aws_iam_role.top", "team-nodes-inner"), loaded.roleNames());
    assertEquals("modules/inner/main.tf", loaded.role("module.nodes.module.inner.aws_iam_role.this").id().file());
    assertEquals(List.of(), loaded.result().problems());
    assertEquals(List.of("main.tf", "modules/inner/main.tf", "modules/nodes/main.tf"),
        loaded.result().bodies().keySet().stream().sorted().toList());
  }

  @Test
  void countedModuleInstancesHaveKeyedAddressesAndGuards() {
    write("main.tf", "variable \"enabled\" {}\n"
        + "module \"m\" {\n  source = \"./m\"\n  count = var.enabled ? 1 : 0\n}\n"
        + "module \"k\" {\n  source = \"./m\"\n  for_each = toset([\"a\"])\n  name = each.key\n}\n"
        + role("top", "module.k[\"a\"].name"));
    write("m/main.tf", "variable \"name\" {\n  default = \"d\"\n}\n"
        + "resource \"aws_iam_role\" \"this\" {\n  count = var.name == \"\" ? 0 : 1\n  name = var.name\n"
        + "  description = var.name\n}\n"
        + "output \"name\" {\n  value = aws_iam_role.this[0].description\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("module.m[0].aws_iam_role.this[0]", "d", "module.k[\"a\"].aws_iam_role.this[0]", "a",
        "aws_iam_role.top", "a"), loaded.roleNames());
    assertEquals(Guard.of("var.enabled", true), loaded.role("module.m[0].aws_iam_role.this[0]").guard());
  }

  @Test
  void anInstalledRegistryModuleIsReadFromModulesJson() {
    write("env/main.tf", "module \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n  name = \"prod\"\n}\n");
    write("env/.terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
        + "{\"Key\":\"eks\",\"Source\":\"registry.terraform.io/terraform-aws-modules/eks/aws\","
        + "\"Dir\":\".terraform/modules/eks\"},"
        + "{\"Key\":\"eks.nodes\",\"Source\":\"./modules/nodes\",\"Dir\":\".terraform/modules/eks/modules/nodes\"}]}");
    write("env/.terraform/modules/eks/main.tf", "variable \"name\" {}\n"
        + "module \"nodes\" {\n  source = \"./modules/nodes\"\n  name = var.name\n}\n");
    write("env/.terraform/modules/eks/modules/nodes/main.tf", "variable \"name\" {}\n" + role("this", "var.name"));
    Loaded loaded = load(TfOptions.none(), "env/main.tf");
    assertEquals(Map.of("module.eks.module.nodes.aws_iam_role.this", "prod"), loaded.roleNames());
    assertEquals("env/.terraform/modules/eks/modules/nodes/main.tf",
        loaded.role("module.eks.module.nodes.aws_iam_role.this").id().file());
    assertEquals(List.of(), loaded.result().notes());
  }

  @Test
  void aModuleThatIsNotInstalledIsUnknownWithOneNotePerCall() {
    write("main.tf", "module \"eks\" {\n  source = \"terraform-aws-modules/eks/aws\"\n  count = 2\n}\n"
        + role("a", "module.eks[0].cluster_name") + role("b", "module.eks[1].cluster_name"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    String reason = "module 'eks' (terraform-aws-modules/eks/aws) is not installed; run 'terraform init' to let"
        + " polygraph read it";
    assertEquals(Map.of("aws_iam_role.a", "?" + reason, "aws_iam_role.b", "?" + reason), loaded.roleNames());
    assertEquals(List.of(new InputProblem(new Span("main.tf", 2, 3, 2, 43),
        "Module 'eks' (terraform-aws-modules/eks/aws) is not installed; run 'terraform init' to let polygraph"
            + " read it.")), loaded.result().notes());
  }

  @Test
  void aRootCallingTheRepositoryRootIsTheOnlyRootAndPrefixesOutsideAddresses() {
    write("main.tf", "variable \"name\" {}\nmodule \"group\" {\n  source = \"./modules/group\"\n  name = var.name\n}\n");
    write("modules/group/main.tf", "variable \"name\" {}\n" + role("this", "var.name"));
    write("examples/complete/main.tf", "module \"eks\" {\n  source = \"../..\"\n  name = \"example\"\n}\n"
        + role("local", "\"here\""));
    Loaded loaded = load(TfOptions.none(), "main.tf", "modules/group/main.tf", "examples/complete/main.tf");
    assertEquals(Map.of("examples/complete:module.eks.module.group.aws_iam_role.this", "example",
        "aws_iam_role.local", "here"), loaded.roleNames());
    assertEquals("modules/group/main.tf",
        loaded.role("examples/complete:module.eks.module.group.aws_iam_role.this").id().file());
  }

  @Test
  void dataSourcesGivePseudoSymbolsAndManagedPolicies() {
    write("main.tf", "data \"aws_partition\" \"current\" {}\ndata \"aws_caller_identity\" \"me\" {}\n"
        + "data \"aws_iam_policy\" \"worker\" {\n  name = \"AmazonEKSWorkerNodePolicy\"\n}\n"
        + "data \"aws_iam_role\" \"existing\" {\n  name = \"legacy\"\n}\n"
        + role("p", "\"x-${data.aws_partition.current.partition}.${data.aws_partition.current.dns_suffix}\"")
        + role("a", "data.aws_caller_identity.me.account_id")
        + role("w", "data.aws_iam_policy.worker.arn") + role("e", "data.aws_iam_role.existing.arn")
        + role("n", "aws_iam_role.p.arn") + role("o", "aws_iam_role.p.identity[0].oidc[0].issuer"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.p", "x-${AWS::Partition}.${AWS::URLSuffix}",
        "aws_iam_role.a", "${AWS::AccountId}",
        "aws_iam_role.w", "arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        "aws_iam_role.e", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/legacy",
        "aws_iam_role.n", "${aws_iam_role.p.arn}",
        "aws_iam_role.o", "${aws_iam_role.p.identity[0].oidc[0].issuer}"), loaded.roleNames());
    assertEquals(Optional.of(new Symbol.ResourceAttr("main.tf", "aws_iam_role.p", "arn")),
        ((Text) loaded.role("aws_iam_role.n").name()).soleSymbol());
  }

  @Test
  void aServicePrincipalDataSourceIsTheServiceUnderThePartitionsDnsSuffix() {
    write("main.tf", "data \"aws_service_principal\" \"ec2\" {\n  service_name = \"ec2\"\n}\n"
        + "data \"aws_service_principal\" \"other\" {\n  service_name = var.service\n}\n"
        + "variable \"service\" {}\n"
        + role("ec2", "try(data.aws_service_principal.ec2.name, \"\")")
        + role("other", "data.aws_service_principal.other.name"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.ec2", "ec2.${AWS::URLSuffix}",
        "aws_iam_role.other", "${data.aws_service_principal.other.name}"), loaded.roleNames());
  }

  @Test
  void overrideFilesMergeIntoTheBlocksTheyNameInsteadOfDuplicatingThem() {
    write("main.tf", "variable \"suffix\" {\n  default = \"a\"\n}\nlocals {\n  prefix = \"base\"\n}\n"
        + role("node", "\"${local.prefix}-${var.suffix}\"") + role("other", "\"kept\""));
    write("override.tf", "variable \"suffix\" {\n  default = \"b\"\n}\n");
    write("z_override.tf", "locals {\n  prefix = \"over\"\n}\nresource \"aws_iam_role\" \"missing\" {\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf", "override.tf", "z_override.tf");
    assertEquals(Map.of("aws_iam_role.node", "over-b", "aws_iam_role.other", "kept"), loaded.roleNames());
    assertEquals(List.of(new InputProblem(new Span("z_override.tf", 4, 1, 4, 34),
        "Missing base resource 'aws_iam_role.missing' to override: an override file can only change what "
            + "the module's other files define.")), loaded.result().problems());
  }

  @Test
  void aRoleNamedLikeAnotherConfigurationsRoleIsStillTheOneItsAttachmentReferences() {
    String config = "resource \"aws_iam_role\" \"node\" {\n  name = \"eks-node\"\n}\n"
        + "resource \"aws_iam_role_policy_attachment\" \"ecr\" {\n  role = aws_iam_role.node.name\n"
        + "  policy_arn = \"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly\"\n}\n";
    write("a/main.tf", config);
    write("b/main.tf", config);
    Loaded loaded = load(TfOptions.none(), "a/main.tf", "b/main.tf");
    assertEquals(List.of(new Symbol.ResourceAttr("a/main.tf", "aws_iam_role.node", "name"),
            new Symbol.ResourceAttr("b/main.tf", "aws_iam_role.node", "name")),
        loaded.graph().nodes(PolicyAttachmentNode.class).stream()
            .map(a -> ((Text) a.roles().get(0).value()).soleSymbol().orElseThrow()).toList());
  }

  @Test
  void aLocalModuleOfAFileNamedByItsAbsolutePathIsFoundOnDisk() {
    // A file outside the scan root (polygraph scan /elsewhere/examples/x) has an absolute name.
    write("repo/main.tf", "variable \"name\" {}\n" + role("this", "var.name"));
    write("repo/examples/x/main.tf", "module \"eks\" {\n  source = \"../..\"\n  name = \"from-example\"\n}\n");
    Loaded loaded = load(TfOptions.none(), dir.resolve("repo/examples/x/main.tf").toString());
    assertEquals(List.of(), loaded.result().notes());
    assertEquals(Map.of(dir.resolve("repo/examples/x") + ":module.eks.aws_iam_role.this", "from-example"),
        loaded.roleNames());
  }

  @Test
  void definitionsMadeTwiceInOneModuleAreProblemsAtTheSecond() {
    write("a.tf", "variable \"x\" {}\nlocals {\n  l = 1\n}\n" + role("r", "\"a\"") + "output \"o\" {\n  value = 1\n}\n");
    write("b.tf", "variable \"x\" {}\nlocals {\n  l = 2\n}\n" + role("r", "\"b\"") + "output \"o\" {\n  value = 2\n}\n");
    Loaded loaded = load(TfOptions.none(), "a.tf", "b.tf");
    assertEquals(List.of(
        new InputProblem(new Span("b.tf", 1, 1, 1, 13), "Duplicate variable 'x': it is already defined at a.tf:1:1."),
        new InputProblem(new Span("b.tf", 3, 3, 3, 4), "Duplicate local value 'local.l': it is already defined at a.tf:3:3."),
        new InputProblem(new Span("b.tf", 5, 1, 5, 28),
            "Duplicate resource 'aws_iam_role.r': it is already defined at a.tf:5:1."),
        new InputProblem(new Span("b.tf", 9, 1, 9, 11), "Duplicate output 'o': it is already defined at a.tf:9:1.")),
        loaded.result().problems());
    assertEquals(Map.of("aws_iam_role.r", "a"), loaded.roleNames());
  }

  @Test
  void aModuleCallingItselfStopsWithANote() {
    write("main.tf", "module \"loop\" {\n  source = \"./loop\"\n}\n");
    write("loop/main.tf", role("this", "\"r\"") + "module \"again\" {\n  source = \"../loop\"\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("module.loop.aws_iam_role.this", "r"), loaded.roleNames());
    assertEquals(List.of(new InputProblem(new Span("loop/main.tf", 6, 3, 6, 21),
        "Module 'again' is not read: modules nest more than 12 levels deep or call themselves here.")),
        loaded.result().notes());
  }

  @Test
  void aRoleWithForEachAttachmentsOfTheWorkerPoliciesLinksThemAll() {
    write("main.tf", "data \"aws_partition\" \"current\" {}\n"
        + "resource \"aws_iam_role\" \"node\" {\n  name = \"nodes\"\n"
        + "  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n"
        + "      Effect = \"Allow\"\n      Action = \"sts:AssumeRole\"\n"
        + "      Principal = { Service = \"ec2.amazonaws.com\" }\n    }]\n  })\n}\n"
        + "resource \"aws_iam_role_policy_attachment\" \"node\" {\n"
        + "  for_each = toset([\"AmazonEKSWorkerNodePolicy\", \"AmazonEKS_CNI_Policy\","
        + " \"AmazonEC2ContainerRegistryReadOnly\"])\n"
        + "  policy_arn = \"arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}\"\n"
        + "  role = aws_iam_role.node.name\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.node", "nodes"), loaded.roleNames());
    List<PolicyAttachmentNode> attachments = loaded.graph().nodes(PolicyAttachmentNode.class);
    assertEquals(Map.of(
        "aws_iam_role_policy_attachment.node[\"AmazonEC2ContainerRegistryReadOnly\"]",
        "arn:${AWS::Partition}:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
        "aws_iam_role_policy_attachment.node[\"AmazonEKSWorkerNodePolicy\"]",
        "arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        "aws_iam_role_policy_attachment.node[\"AmazonEKS_CNI_Policy\"]",
        "arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy"),
        attachments.stream().collect(Collectors.toMap(a -> a.id().address(), a -> show(a.policyArn()))));
    for (PolicyAttachmentNode attachment : attachments) {
      // A reference, not the configured name: another configuration in the scan may use the name too.
      assertEquals(List.of("${aws_iam_role.node.name}"), attachment.roles().stream().map(r -> show(r.value())).toList());
    }
    assertEquals(List.of("aws_iam_role.node"), loaded.graph().nodes(GraphNode.class).stream()
        .filter(n -> n instanceof RoleNode).map(n -> n.id().address()).toList());
  }

  @Test
  void aForEachThatIsOneOfSeveralMapsGivesTheUnionOfKeysUnderTheirGuards() {
    write("main.tf", "variable \"big\" {}\n"
        + "resource \"aws_iam_role\" \"r\" {\n  for_each = var.big ? { a = \"1\", b = \"2\" } : { a = \"3\" }\n"
        + "  name = each.key\n  assume_role_policy = \"{}\"\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role.r[\"a\"]", "a", "aws_iam_role.r[\"b\"]", "b"), loaded.roleNames());
    assertEquals(Guard.ALWAYS, loaded.role("aws_iam_role.r[\"a\"]").guard());
    assertEquals(Guard.of("var.big", true), loaded.role("aws_iam_role.r[\"b\"]").guard());
  }

  @Test
  void aTfvarsFileThatDoesNotParseIsAProblemAndSetsNothing() {
    write("main.tf", "variable \"v\" {\n  default = \"d\"\n}\n" + role("r", "var.v"));
    write("terraform.tfvars", "v = \"unterminated\n");
    write("other.tfvars.json", "[1]");
    Loaded loaded = load(TfOptions.none(), "main.tf", "terraform.tfvars", "other.tfvars.json");
    assertEquals(Map.of("aws_iam_role.r", "d"), loaded.roleNames());
    assertEquals(List.of("other.tfvars.json", "terraform.tfvars"),
        loaded.result().problems().stream().map(p -> p.span().file()).sorted().toList());
    assertEquals("A .tfvars.json file must hold one JSON object of variable values.",
        loaded.result().problems().stream().filter(p -> p.span().file().equals("other.tfvars.json"))
            .findFirst().orElseThrow().message());
  }

  @Test
  void filesAreReadRelativeToTheRootModuleAsPathModuleGivesThem() {
    write("env/main.tf", "module \"nodes\" {\n  source = \"../modules/nodes\"\n}\n");
    write("modules/nodes/main.tf", "resource \"aws_iam_role\" \"this\" {\n  name = \"n\"\n"
        + "  assume_role_policy = file(\"${path.module}/trust.json\")\n}\n");
    write("modules/nodes/trust.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
        + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}");
    Loaded loaded = load(TfOptions.none(), "env/main.tf");
    RoleNode role = loaded.role("env:module.nodes.aws_iam_role.this");
    assertEquals(1, role.trust().statements().size());
    assertEquals("modules/nodes/trust.json", role.trust().statements().get(0).span().file());
  }

  private static final String TRUST = "jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\","
      + " Action = \"sts:AssumeRole\", Principal = {Service = \"ec2.amazonaws.com\"}}]})";

  /** Attachment address → its policy ARN as shown. */
  private static Map<String, String> attachments(Loaded loaded) {
    Map<String, String> out = new TreeMap<>();
    loaded.graph().nodes().stream().filter(n -> n instanceof dev.polygraph.graph.PolicyAttachmentNode)
        .map(n -> (dev.polygraph.graph.PolicyAttachmentNode) n)
        .forEach(a -> out.put(a.id().address(), show(a.policyArn())));
    return out;
  }

  @Test
  void aForEachOverAPartlyKnownSetGivesTheKnownInstancesAndSaysThereMayBeMore() {
    write("main.tf", "data \"aws_partition\" \"current\" {}\nvariable \"additional\" {\n  type = list(string)\n}\n"
        + "resource \"aws_iam_role\" \"node\" {\n  name = \"n\"\n  assume_role_policy = " + TRUST + "\n}\n"
        + "resource \"aws_iam_role_policy_attachment\" \"this\" {\n"
        + "  for_each = toset(concat([\n"
        + "    \"arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\",\n"
        + "    \"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\",\n"
        + "  ], var.additional))\n"
        + "  policy_arn = each.value\n  role = aws_iam_role.node.name\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of(
        "aws_iam_role_policy_attachment.this[\"arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\"]",
        "arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        "aws_iam_role_policy_attachment.this[\"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\"]",
        "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
        // The ones the variable may add: the role is known, the policy is not.
        "aws_iam_role_policy_attachment.this[…]", "?one of the instances a partly known for_each may have:"
            + " variable 'additional' has no default and no value is set (--tf-var additional=…, or a .tfvars file)"),
        attachments(loaded));
    assertEquals(List.of("'aws_iam_role_policy_attachment.this' may have more instances than polygraph reads:"
        + " its for_each is only partly known: variable 'additional' has no default and no value is set"
        + " (--tf-var additional=…, or a .tfvars file)."),
        loaded.result().notes().stream().map(dev.polygraph.source.InputProblem::message).toList());
  }

  @Test
  void aForEachOverAMergeWithAFilterNotKnownKeepsTheKnownKeys() {
    write("main.tf", "variable \"extra\" {}\nvariable \"create\" {}\n"
        + "resource \"aws_iam_role\" \"node\" {\n  name = \"n\"\n  assume_role_policy = " + TRUST + "\n}\n"
        + "resource \"aws_iam_role_policy_attachment\" \"this\" {\n"
        + "  for_each = { for k, v in merge({ worker = \"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\" },"
        + " var.extra) : k => v if var.create }\n"
        + "  policy_arn = each.value\n  role = aws_iam_role.node.name\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("aws_iam_role_policy_attachment.this[\"worker\"]",
        "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "aws_iam_role_policy_attachment.this[…]",
        "?one of the instances a partly known for_each may have: variable 'extra' has no default and no value"
            + " is set (--tf-var extra=…, or a .tfvars file)"), attachments(loaded));
  }

  @Test
  void aSplatOverADataSourceWithCountOneIsThatInstancesValue() {
    write("main.tf", "variable \"dns_suffix\" {}\n"
        + "data \"aws_iam_policy_document\" \"assume\" {\n  count = 1\n  statement {\n"
        + "    actions = [\"sts:AssumeRole\"]\n    principals {\n      type = \"Service\"\n"
        + "      identifiers = [\"ec2.${var.dns_suffix}\"]\n    }\n  }\n}\n"
        + "resource \"aws_iam_role\" \"node\" {\n  name = \"n\"\n"
        + "  assume_role_policy = join(\"\", data.aws_iam_policy_document.assume[*].json)\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    dev.polygraph.policy.PolicyDocument trust = loaded.role("aws_iam_role.node").trust();
    assertEquals(1, trust.statements().size());
    List<Value> services = trust.statements().get(0).principal().of("Service");
    // The service part is known, the suffix is opaque: EC2 in some partition.
    assertEquals(List.of("ec2.${var.dns_suffix}"), services.stream().map(TerraformLoaderTest::show).toList());
    Text service = (Text) services.get(0);
    assertEquals(new Text.Literal("ec2."), service.parts().get(0));
    assertEquals(dev.polygraph.value.Symbol.Opaque.class, ((Text.Sym) service.parts().get(1)).symbol().getClass());
  }

  @Test
  void aFunctionOverAValueThatDependsOnConditionsDoesNotEndTheScan() {
    write("main.tf", "variable \"enabled\" {\n  type = bool\n}\nvariable \"ids\" {\n  type = list(string)\n}\n"
        + "locals {\n  groups = {\n    nodes = sort(var.enabled ? var.ids : [\"filler\"])\n"
        + "    mixed = sort([var.enabled ? \"x\" : \"y\", \"a\"])\n  }\n}\n"
        + role("node", "join(\",\", local.groups.nodes)") + role("mixed", "local.groups.mixed[0]"));
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(List.of("aws_iam_role.mixed", "aws_iam_role.node"), List.copyOf(loaded.roleNames().keySet()));
    assertEquals("a", loaded.roleNames().get("aws_iam_role.mixed"));
    // Both branches of var.enabled: the names joined, or the filler.
    Value node = loaded.role("aws_iam_role.node").name();
    assertEquals(List.of("${local.groups.nodes[*]}", "filler"), ((dev.polygraph.value.OneOf) node).branches().stream().map(b -> show(b.value())).sorted().toList());
  }

  @Test
  void whatIsKnownNotToExistIsNotReadNorUndecided() {
    write("main.tf", "variable \"create\" {\n  default = false\n}\n"
        + "resource \"aws_iam_role\" \"off\" {\n  count = var.create ? 1 : 0\n  name = \"off\"\n}\n"
        + "resource \"aws_iam_role\" \"none\" {\n  for_each = {}\n  name = \"none\"\n}\n"
        + "resource \"aws_iam_role\" \"zero\" {\n  count = 0\n  name = \"zero\"\n}\n"
        + "module \"nodes\" {\n  source = \"./nodes\"\n  create = null\n  role_name = null\n}\n");
    write("nodes/main.tf", "variable \"create\" {\n  default = true\n  nullable = false\n}\n"
        + "variable \"role_name\" {\n  default = \"from-default\"\n  nullable = false\n}\n"
        + "resource \"aws_iam_role\" \"this\" {\n  count = var.create ? 1 : 0\n  name = var.role_name\n}\n");
    Loaded loaded = load(TfOptions.none(), "main.tf");
    assertEquals(Map.of("module.nodes.aws_iam_role.this[0]", "from-default"), loaded.roleNames());
    assertEquals(List.of(), loaded.result().notes());
  }
}

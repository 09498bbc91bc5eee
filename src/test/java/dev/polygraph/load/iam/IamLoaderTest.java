package dev.polygraph.load.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.config.RoleDeclaration;
import dev.polygraph.graph.Declaration;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IamLoaderTest {

  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String ENCODED_TRUST =
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
          + "%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

  private final IamLoader loader = new IamLoader();

  private static SourceFile file(String name, String text) {
    return new SourceFile(Path.of(name), name, text);
  }

  private boolean add(String name, String text) {
    SourceFile f = file(name, text);
    return loader.add(f, JsonTreeReader.read(f));
  }

  private PolicyGraph build() {
    PolicyGraph.Builder graph = PolicyGraph.builder();
    assertEquals(List.of(), loader.build(graph));
    return graph.build();
  }

  private static List<String> literals(List<Guarded<Value>> values) {
    return values.stream().map(v -> ((Text) v.value()).literal().orElseThrow()).toList();
  }

  @Test
  void bareDocumentsStandAloneAsTrustOrPermissionsPolicies() {
    assertTrue(add("policies/trust.json", TRUST));
    assertTrue(add("policies/ecr.json", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}"));
    PolicyGraph graph = build();
    List<ManagedPolicyNode> docs = graph.nodes(ManagedPolicyNode.class);
    assertEquals(List.of("policy-file/ecr.json", "policy-file/trust.json"), docs.stream().map(ManagedPolicyNode::address).toList());
    assertEquals("policy file 'ecr.json'", docs.get(0).document().name());
    assertEquals("trust policy file 'trust.json'", docs.get(1).document().name());
    assertNull(docs.get(1).name());
    assertEquals(List.of(), docs.get(1).roles());
    assertEquals(new Span("policies/trust.json", 1, 1, 1, 128), docs.get(1).span());
    assertEquals(1, docs.get(1).document().statements().size());
    assertTrue(graph.isAccountFile("policies/trust.json"));
  }

  @Test
  void otherJsonIsNotAnIamInput() {
    assertFalse(add("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\",\"scripts\":{}}"));
    assertFalse(add("tsconfig.json", "{\"compilerOptions\":{\"strict\":true}}"));
    assertFalse(add("list.json", "[1, 2]"));
    assertFalse(add("mixed.json", "{\"Statement\":[],\"Resources\":{}}"));
    PolicyGraph graph = build();
    assertEquals(List.of(), graph.nodes());
    assertFalse(graph.isAccountFile("package.json"));
  }

  @Test
  void getRoleTakesTheAttachedPoliciesListedBesideIt() {
    add("cli/get-role.json", "{\"Role\": {\"RoleName\": \"AmazonEKSNodeRole\",\n \"AssumeRolePolicyDocument\": " + TRUST + "}}");
    add(
        "cli/attached.json",
        "{\n  \"AttachedPolicies\": [\n    {\"PolicyName\": \"AmazonEKSWorkerNodePolicy\","
            + " \"PolicyArn\": \"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\"}\n  ]\n}");
    add("cli/role-policies.json", "{\"PolicyNames\": [\"extra\"]}");
    add(
        "cli/get-role-policy.json",
        "{\"RoleName\": \"AmazonEKSNodeRole\", \"PolicyName\": \"extra\", \"PolicyDocument\": "
            + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}]}}");
    PolicyGraph graph = build();
    RoleNode role = graph.roles().get(0);
    assertEquals("role/AmazonEKSNodeRole", role.address());
    assertEquals("cli/get-role.json", role.id().file());
    assertEquals(new Span("cli/get-role.json", 1, 11, 1, 42), role.span());
    assertEquals(List.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"), literals(role.managedPolicyArns()));
    assertEquals(new Span("cli/attached.json", 2, 3, 2, 21), role.managedPolicyArnsSpan());
    assertEquals("trust policy of 'role/AmazonEKSNodeRole'", role.trust().name());
    InlinePolicyNode inline = graph.nodes(InlinePolicyNode.class).get(0);
    assertEquals("role/AmazonEKSNodeRole/policy/extra", inline.address());
    assertEquals("inline policy 'extra'", inline.document().name());
    assertEquals(List.of("AmazonEKSNodeRole"), literals(inline.roles()));
  }

  @Test
  void attachedPoliciesBesideTwoRolesBelongToNeither() {
    add("cli/a.json", "{\"Role\": {\"RoleName\": \"a\"}}");
    add("cli/b.json", "{\"Role\": {\"RoleName\": \"b\"}}");
    add("cli/attached.json", "{\"AttachedPolicies\": [{\"PolicyArn\": \"arn:aws:iam::aws:policy/X\"}]}");
    for (RoleNode role : build().roles()) {
      assertEquals(List.of(), role.managedPolicyArns());
      assertNull(role.managedPolicyArnsSpan());
    }
  }

  @Test
  void getPolicyTakesItsDefaultVersionFromBesideIt() {
    add(
        "p/get-policy.json",
        "{\"Policy\": {\"PolicyName\": \"node-pull\", \"Arn\": \"arn:aws:iam::111122223333:policy/node-pull\","
            + " \"DefaultVersionId\": \"v2\"}}");
    add("p/v2.json", "{\"PolicyVersion\": {\"VersionId\": \"v2\", \"Document\": \"" + ENCODED_TRUST + "\"}}");
    add("p/v1.json", "{\"PolicyVersion\": {\"VersionId\": \"v1\", \"Document\": {\"Statement\": []}}}");
    List<ManagedPolicyNode> policies = build().nodes(ManagedPolicyNode.class);
    assertEquals(List.of("policy/node-pull", "policy-file/v1.json"), policies.stream().map(ManagedPolicyNode::address).toList());
    assertEquals("managed policy 'node-pull'", policies.get(0).document().name());
    assertEquals("2012-10-17", policies.get(0).document().version());
    assertEquals("policy file 'v1.json'", policies.get(1).document().name());
  }

  @Test
  void urlEncodedDocumentsAreDecodedAndPointAtTheirString() {
    String dump = "{\"RoleDetailList\": [\n  {\"RoleName\": \"n\",\n   \"AssumeRolePolicyDocument\": \"" + ENCODED_TRUST + "\"}\n]}";
    loader.addAccountDump(file("dump.json", dump));
    RoleNode role = build().roles().get(0);
    PolicyDocument trust = role.trust();
    assertEquals(List.of(), trust.problems());
    assertEquals("2012-10-17", trust.version());
    Span string = new Span("dump.json", 3, 32, 3, 32 + ENCODED_TRUST.length() + 2);
    assertEquals(string, trust.span());
    assertEquals(string, trust.statements().get(0).span());
  }

  @Test
  void aDocumentStringThatIsNotJsonIsUnknownWithAReason() {
    Value v = IamDocuments.document(Text.of("%7B%22Version", new Span("d.json", 1, 1, 1, 14)));
    assertEquals("the policy document string does not hold valid JSON", ((dev.polygraph.value.Unknown) v).reason());
    Value bad = IamDocuments.document(Text.of("%zz", new Span("d.json", 1, 1, 1, 4)));
    assertEquals("the policy document string is not URL-encoded JSON", ((dev.polygraph.value.Unknown) bad).reason());
  }

  @Test
  void anAccountDumpBecomesRolesPoliciesProfilesAndBoundaries() {
    String dump =
        "{\n"
            + "\"UserDetailList\": [{\"UserName\": \"alice\"}],\n"
            + "\"RoleDetailList\": [\n"
            + " {\"RoleName\": \"node\", \"AssumeRolePolicyDocument\": " + TRUST + ",\n"
            + "  \"InstanceProfileList\": [{\"InstanceProfileName\": \"node-profile\", \"Roles\": [{\"RoleName\": \"node\"}, {\"RoleName\": \"spare\"}]}],\n"
            + "  \"RolePolicyList\": [{\"PolicyName\": \"pull\", \"PolicyDocument\": \"" + ENCODED_TRUST + "\"}],\n"
            + "  \"AttachedManagedPolicies\": [{\"PolicyArn\": \"arn:aws:iam::111122223333:policy/mine\"}],\n"
            + "  \"PermissionsBoundary\": {\"PermissionsBoundaryType\": \"Policy\", \"PermissionsBoundaryArn\": \"arn:aws:iam::111122223333:policy/bound\"}},\n"
            + " {\"RoleName\": \"spare\", \"InstanceProfileList\": [{\"InstanceProfileName\": \"node-profile\", \"Roles\": [{\"RoleName\": \"node\"}, {\"RoleName\": \"spare\"}]}]}\n"
            + "],\n"
            + "\"Policies\": [\n"
            + " {\"PolicyName\": \"AmazonEKSWorkerNodePolicy\", \"Arn\": \"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\","
            + " \"DefaultVersionId\": \"v1\", \"PolicyVersionList\": [{\"Document\": {\"Statement\": []}, \"VersionId\": \"v1\", \"IsDefaultVersion\": true}]},\n"
            + " {\"PolicyName\": \"mine\", \"Arn\": \"arn:aws:iam::111122223333:policy/mine\", \"DefaultVersionId\": \"v2\", \"PolicyVersionList\": [\n"
            + "   {\"Document\": {\"Version\": \"2008-10-17\", \"Statement\": []}, \"VersionId\": \"v1\", \"IsDefaultVersion\": false},\n"
            + "   {\"Document\": {\"Version\": \"2012-10-17\", \"Statement\": []}, \"VersionId\": \"v2\", \"IsDefaultVersion\": true}]}\n"
            + "],\n"
            + "\"IsTruncated\": false\n"
            + "}\n";
    SourceFile f = file("acct/dump.json", dump);
    assertTrue(IamFormat.isAccountDump(f));
    loader.addAccountDump(f);
    PolicyGraph graph = build();
    assertEquals(List.of("role/node", "role/spare"), graph.roles().stream().map(RoleNode::address).toList());
    RoleNode node = graph.roles().get(0);
    assertEquals(new Span("acct/dump.json", 4, 3, 4, 21), node.span());
    assertEquals(new Span("acct/dump.json", 7, 3, 7, 28), node.managedPolicyArnsSpan());
    assertEquals(List.of("arn:aws:iam::111122223333:policy/mine"), literals(node.managedPolicyArns()));
    assertEquals("arn:aws:iam::111122223333:policy/bound", ((Text) node.boundary().value()).literal().orElseThrow());
    assertEquals("inline policy 'pull'", node.inline().get(0).value().name());
    List<InstanceProfileNode> profiles = graph.nodes(InstanceProfileNode.class);
    assertEquals(1, profiles.size());
    assertEquals("instance-profile/node-profile", profiles.get(0).address());
    assertEquals(List.of("node", "spare"), literals(profiles.get(0).roles()));
    List<ManagedPolicyNode> policies = graph.nodes(ManagedPolicyNode.class);
    assertEquals(List.of("policy/mine"), policies.stream().map(ManagedPolicyNode::address).toList());
    assertEquals("2012-10-17", policies.get(0).document().version());
    assertTrue(graph.isAccountFile("acct/dump.json"));
  }

  @Test
  void aDumpWhoseFirstMemberIsNoListIsReadAsATreeWithTheSameResult() {
    String dump = "{\"IsTruncated\": false, \"RoleDetailList\": [{\"RoleName\": \"r\", \"AssumeRolePolicyDocument\": " + TRUST + "}]}";
    assertFalse(IamFormat.isAccountDump(file("d.json", dump)));
    assertTrue(add("d.json", dump));
    RoleNode role = build().roles().get(0);
    assertEquals("role/r", role.address());
    assertEquals(new Span("d.json", 1, 44, 1, 59), role.span());
  }

  @Test
  void aDumpCutShortKeepsTheRolesBeforeTheErrorAndReportsIt() {
    loader.addAccountDump(file("d.json", "{\"RoleDetailList\": [{\"RoleName\": \"r\"},\n {\"RoleName\": "));
    PolicyGraph.Builder graph = PolicyGraph.builder();
    List<InputProblem> problems = loader.build(graph);
    assertEquals(1, problems.size());
    assertEquals(2, problems.get(0).span().startLine());
    assertEquals(List.of("role/r"), graph.build().roles().stream().map(RoleNode::address).toList());
  }

  @Test
  void declaredRolesReadTheirFilesAndCarryTheDeclaration() {
    Span configSpan = new Span("/abs/cfg/.polygraph.yaml", 2, 3, 2, 20);
    SourceFile config = file("cfg/.polygraph.yaml", "roles:\n  AmazonEKSNodeRole:\n");
    SourceFile trust = file("cfg/trust.json", TRUST);
    add("cfg/trust.json", TRUST);
    Map<Path, SourceFile> files =
        Map.of(Path.of("/abs/cfg/.polygraph.yaml"), config, Path.of("/abs/cfg/trust.json"), trust);
    RoleDeclaration d =
        new RoleDeclaration(
            "AmazonEKSNodeRole",
            configSpan,
            Optional.of("eks-node"),
            Optional.of("ipv6"),
            Optional.of(new RoleDeclaration.FileRef("trust.json", new Span("/abs/cfg/.polygraph.yaml", 5, 12, 5, 22), Path.of("/abs/cfg/trust.json"))),
            List.of(new RoleDeclaration.Item("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", new Span("/abs/cfg/.polygraph.yaml", 7, 9, 7, 58))),
            List.of(new RoleDeclaration.FileRef("missing.json", new Span("/abs/cfg/.polygraph.yaml", 8, 16, 8, 28), Path.of("/abs/cfg/missing.json"))));
    loader.declare(List.of(d), p -> Optional.ofNullable(files.get(p)));
    PolicyGraph.Builder builder = PolicyGraph.builder();
    List<InputProblem> problems = loader.build(builder);
    assertEquals(
        List.of(new InputProblem(new Span("cfg/.polygraph.yaml", 8, 16, 8, 28), "The file 'missing.json' cannot be read.")),
        problems);
    PolicyGraph graph = builder.build();
    RoleNode role = graph.roles().get(0);
    assertEquals("cfg/.polygraph.yaml", role.id().file());
    assertEquals("role/AmazonEKSNodeRole", role.address());
    assertEquals(new Declaration("eks-node", "ipv6", new Span("cfg/.polygraph.yaml", 2, 3, 2, 20)), role.declaration());
    assertEquals(new Span("cfg/trust.json", 1, 1, 1, 128), role.trust().span());
    assertEquals(new Span("cfg/.polygraph.yaml", 7, 9, 7, 58), role.managedPolicyArns().get(0).value().span());
    assertNull(role.managedPolicyArnsSpan());
    PolicyDocument missing = role.inline().get(0).value();
    assertEquals("policy file 'missing.json'", missing.name());
    assertEquals(List.of(), missing.statements());
    assertFalse(missing.problems().isEmpty());
    // The trust file is the role's, not a document of its own.
    assertEquals(List.of(), graph.nodes(ManagedPolicyNode.class));
    assertTrue(graph.isAccountFile("cfg/.polygraph.yaml"));
  }
}

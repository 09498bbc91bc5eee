package dev.polygraph.load.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.Statement;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellGraphBuilderTest {

  @TempDir Path dir;

  private ShellGraphBuilder.Result result;

  private PolicyGraph build(String script) throws IOException {
    Path path = dir.resolve("setup.sh");
    Files.writeString(path, script);
    PolicyGraph.Builder graph = PolicyGraph.builder();
    result =
        new ShellGraphBuilder(this::read)
            .build(List.of(new SourceFile(path, "setup.sh", script)), graph);
    return graph.build();
  }

  /** Reads as the scan does: nothing outside the scanned directory. */
  private Optional<SourceFile> read(Path p) {
    if (!p.startsWith(dir)) {
      throw new ReadRefused(dir.relativize(p).toString());
    }
    try {
      return Files.isRegularFile(p)
          ? Optional.of(new SourceFile(p, dir.relativize(p).toString(), Files.readString(p)))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Span span(int line, int col, int endLine, int endCol) {
    return new Span("setup.sh", line, col, endLine, endCol);
  }

  private static List<String> managedArns(RoleNode role) {
    return role.managedPolicyArns().stream().map(g -> ((Text) g.value()).display()).toList();
  }

  @Test
  void theUserGuideProcedureMakesOneRoleWithItsTrustAndAttachments() throws IOException {
    PolicyGraph g =
        build(
            "cat >trust.json <<EOF\n"
                + "{\"Version\": \"2012-10-17\",\n"
                + " \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}\n"
                + "EOF\n"
                + "aws iam create-role \\\n"
                + "  --role-name AmazonEKSNodeRole \\\n"
                + "  --assume-role-policy-document file://\"trust.json\"\n"
                + "aws iam attach-role-policy --policy-arn arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy --role-name AmazonEKSNodeRole\n");
    RoleNode role = g.roles().get(0);
    assertEquals("role/AmazonEKSNodeRole", role.address());
    assertEquals(span(5, 1, 5, 20), role.span(), "the span of 'aws iam create-role'");
    assertEquals(Optional.of("AmazonEKSNodeRole"), ((Text) role.name()).literal());
    assertEquals(span(6, 15, 6, 32), role.name().span());
    assertEquals("2012-10-17", role.trust().version());
    Statement s = role.trust().statements().get(0);
    assertEquals(span(3, 16, 3, 110), s.span(), "the statement where the here-document holds it");
    assertEquals(List.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"), managedArns(role));
    assertEquals(span(8, 41, 8, 90), role.managedPolicyArns().get(0).value().span());
    assertEquals(List.of(), result.problems());
    assertEquals(Set.of("setup.sh"), result.inputs());
  }

  @Test
  void variablesAssignedALiteralAreKnownOthersAreOpaqueWithTheReason() throws IOException {
    PolicyGraph g =
        build(
            "export ROLE=\"nodes\"\nNAME=${ROLE}-x\n"
                + "aws iam create-role --role-name $NAME\n"
                + "aws iam attach-role-policy --role-name=\"$NAME\" --policy-arn=arn:aws:iam::$ACCOUNT:policy/p\n"
                + "aws eks create-nodegroup --nodegroup-name ng --cluster-name c --node-role \"$(aws iam get-role)\"\n");
    RoleNode role = g.roles().get(0);
    assertEquals("role/nodes-x", role.address());
    Text arn = (Text) role.managedPolicyArns().get(0).value();
    assertEquals(
        List.of(
            new Text.Literal("arn:aws:iam::"),
            new Text.Sym(new Symbol.Opaque("ACCOUNT", "shell variable 'ACCOUNT' is not assigned a literal in the script")),
            new Text.Literal(":policy/p")),
        arn.parts());
    NodeGroupNode ng = g.nodes(NodeGroupNode.class).get(0);
    assertEquals(
        Optional.of(new Symbol.Opaque("command output", "the output of a command is known only when the script runs")),
        ((Text) ng.nodeRole()).soleSymbol());
  }

  @Test
  void clustersReadTheNetworkConfigInShorthandAndJson() throws IOException {
    PolicyGraph g =
        build(
            "aws eks create-cluster --name a --role-arn arn:aws:iam::1:role/c --kubernetes-network-config serviceIpv6Cidr=x,ipFamily=ipv6\n"
                + "aws eks create-cluster --name b --kubernetes-network-config '{\"ipFamily\": \"IPv4\"}' --compute-config enabled=true\n"
                + "aws eks create-cluster --name c\n");
    List<ClusterNode> clusters = g.nodes(ClusterNode.class);
    assertEquals(List.of("cluster/a", "cluster/b", "cluster/c"), clusters.stream().map(ClusterNode::address).toList());
    assertEquals(Optional.of("ipv6"), ((Text) clusters.get(0).ipFamily()).literal());
    assertEquals(Optional.of("arn:aws:iam::1:role/c"), ((Text) clusters.get(0).roleArn()).literal());
    assertEquals(Optional.of("IPv4"), ((Text) clusters.get(1).ipFamily()).literal());
    assertEquals(span(2, 75, 2, 81), clusters.get(1).ipFamily().span(), "inside the quoted JSON");
    assertEquals(Optional.of("true"), ((Text) clusters.get(1).autoMode()).literal());
    assertNull(clusters.get(2).ipFamily());
    assertNull(clusters.get(2).roleArn());
  }

  @Test
  void autoModeClustersNameTheirNodeRoleInTheComputeConfig() throws IOException {
    PolicyGraph g =
        build(
            "aws eks create-cluster --name a --compute-config enabled=true,nodeRoleArn=arn:aws:iam::1:role/auto,nodePools=system\n"
                + "aws eks create-cluster --name b --compute-config '{\"enabled\": true, \"nodeRoleArn\": \"arn:aws:iam::1:role/b\"}'\n"
                + "aws eks create-cluster --name c --compute-config enabled=false\n");
    List<ClusterNode> clusters = g.nodes(ClusterNode.class);
    assertEquals(Optional.of("arn:aws:iam::1:role/auto"), ((Text) clusters.get(0).autoModeNodeRole()).literal());
    assertEquals(Optional.of("true"), ((Text) clusters.get(0).autoMode()).literal());
    assertEquals(Optional.of("arn:aws:iam::1:role/b"), ((Text) clusters.get(1).autoModeNodeRole()).literal());
    assertEquals(span(2, 84, 2, 107), clusters.get(1).autoModeNodeRole().span(), "inside the quoted JSON");
    assertNull(clusters.get(2).autoModeNodeRole());
  }

  @Test
  void policiesProfilesAndCallsAboutRolesMadeElsewhere() throws IOException {
    Files.writeString(dir.resolve("cni.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}\n");
    PolicyGraph g =
        build(
            "aws iam create-policy --policy-name cni --policy-document file://cni.json\n"
                + "aws iam create-role --role-name r --assume-role-policy-document file://cni.json\n"
                + "aws iam put-role-policy --role-name r --policy-name own --policy-document '{\"Version\": \"2012-10-17\"}'\n"
                + "aws iam put-role-policy --role-name other --policy-name theirs --policy-document '{\"Version\": \"2012-10-17\"}'\n"
                + "aws iam create-instance-profile --instance-profile-name p\n"
                + "aws iam add-role-to-instance-profile --instance-profile-name p --role-name r\n");
    ManagedPolicyNode policy = g.nodes(ManagedPolicyNode.class).get(0);
    assertEquals("policy/cni", policy.address());
    assertEquals(new Span("cni.json", 1, 1, 1, 43), policy.document().span(), "the document keeps its own file's spans");
    RoleNode role = g.roles().get(0);
    assertEquals(1, role.inline().size());
    assertEquals("inline policy 'own'", role.inline().get(0).value().name());
    InlinePolicyNode theirs = g.nodes(InlinePolicyNode.class).get(0);
    assertEquals("role-policy/other/theirs", theirs.address());
    assertEquals(Optional.of("other"), ((Text) theirs.roles().get(0).value()).literal());
    InstanceProfileNode profile = g.nodes(InstanceProfileNode.class).get(0);
    assertEquals(List.of(Optional.of("r")), profile.roles().stream().map(Guarded::value).map(v -> ((Text) v).literal()).toList());
    assertEquals(Set.of("setup.sh", "cni.json"), result.inputs());
  }

  @Test
  void documentsThatCannotBeReadAreUnknownWithTheReason() throws IOException {
    PolicyGraph g =
        build(
            "aws iam create-role --role-name a --assume-role-policy-document file://../trust.json\n"
                + "echo '{}' > made.json\n"
                + "aws iam create-role --role-name b --assume-role-policy-document file://made.json\n"
                + "aws iam create-role --role-name c --assume-role-policy-document file://missing.json\n"
                + "aws iam create-role --role-name d --assume-role-policy-document \"$TRUST\"\n"
                + "aws iam create-role --role-name e --assume-role-policy-document '{\"Version\": '\n");
    List<String> problems = g.roles().stream().map(r -> String.join("; ", r.trust().problems())).toList();
    assertEquals(
        List.of(
            "The policy document is not known: 'file://../trust.json' is outside the scanned tree; polygraph reads no file outside it.",
            "The policy document is not known: 'made.json' is written by the script at line 2 with content known only when it runs.",
            "The policy document is not known: 'missing.json' is not a readable file in the scanned tree.",
            "The policy document is not known: shell variable 'TRUST' is not assigned a literal in the script.",
            "The policy document is not known: the document is not valid JSON."),
        problems);
    assertEquals(
        List.of(new InputProblem(span(6, 78, 6, 78), "Unexpected end of input: the object is not closed.")),
        result.problems());
  }

  @Test
  void namesDefinedTwiceGetDistinctAddresses() throws IOException {
    PolicyGraph g = build("aws iam create-policy --policy-name p\naws iam create-policy --policy-name p\n");
    assertEquals(
        List.of("policy/p", "policy/p@2"), g.nodes(ManagedPolicyNode.class).stream().map(ManagedPolicyNode::address).toList());
  }

  @Test
  void unknownJsonPartsInAnUnquotedHeredocBecomeSymbols() throws IOException {
    PolicyGraph g =
        build(
            "P=aws\ncat > p.json <<EOF\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:$P:s3:::$BUCKET/*\"}]}\nEOF\n"
                + "aws iam create-policy --policy-name p --policy-document file://p.json\n");
    Value resource = g.nodes(ManagedPolicyNode.class).get(0).document().statements().get(0).resources().get(0);
    assertEquals("arn:aws:s3:::${BUCKET}/*", ((Text) resource).display());
    assertEquals(span(3, 99, 3, 122), resource.span());
  }

  @Test
  void privateUseCharactersBesideExpansionsMakeTheDocumentUnknown() throws IOException {
    PolicyGraph g =
        build("aws iam create-policy --policy-name p --policy-document \"{\\\"Sid\\\": \\\"\uE000$X\\\"}\"\n");
    assertEquals(
        List.of("The policy document is not known: the document mixes shell expansions with private-use characters."),
        g.nodes(ManagedPolicyNode.class).get(0).document().problems());
  }
}

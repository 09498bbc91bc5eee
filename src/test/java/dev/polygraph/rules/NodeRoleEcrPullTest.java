package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleEcrPullTest {

  private final Rule rule = new NodeRoleEcrPull();

  @Test
  void readOnlyOrPullOnlyPasses() {
    assertEquals(List.of(), Runs.run(rule, Runs.graph(Scene.classicNodeRole().build(), Scene.workers())));
    RoleNode pullOnly = Scene.nodeRole("AmazonEC2ContainerRegistryPullOnly").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(pullOnly, Scene.workers())));
  }

  @Test
  void missingEcrPolicyFires() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT
            + " is not granted the permissions to pull images from ECR (missing 'ecr:GetAuthorizationToken',"
            + " 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer').",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(span(F, 20, 7, 17), f.location().span());
    assertEquals(
        "attach arn:${AWS::Partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly or allow the missing"
            + " actions",
        f.help());
  }

  @Test
  void ecrAttachedOnlyUnderAConditionFiresNamingTheCondition() {
    RoleNode role =
        Scene.nodeRole("AmazonEKSWorkerNodePolicy")
            .managed(
                Guard.of("UseEcr", true),
                G.awsPolicyArn("AmazonEC2ContainerRegistryReadOnly", at(F, 22)))
            .build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT
            + " is not granted the permissions to pull images from ECR (missing 'ecr:GetAuthorizationToken',"
            + " 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer') when 'UseEcr' is false.",
        findings.get(0).message());
    assertEquals(
        "EKS004|nodes.yaml|NodeRole|ecr:BatchGetImage,ecr:GetAuthorizationToken,ecr:GetDownloadUrlForLayer"
            + " when 'UseEcr' is false",
        findings.get(0).fingerprint());
  }

  @Test
  void aConditionThatAlsoRemovesTheNodeGroupIsNoGap() {
    // Only the node group makes it a node role (attaching AmazonEKSWorkerNodePolicy would, always).
    RoleNode role =
        Scene.nodeRole()
            .managed(
                Guard.of("WithNodes", true),
                G.awsPolicyArn("AmazonEC2ContainerRegistryReadOnly", at(F, 22)))
            .build();
    NodeGroupNode ng =
        new NodeGroupNode(
            new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.of("WithNodes", true), null, null,
            G.attr(F, "NodeRole", "Arn", at(F, 53)), null);
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, ng)));
  }

  @Test
  void anInlineDenyWinsOverTheManagedPolicy() {
    Span s = at(F, 30);
    Span deny = G.next(s, 2);
    RoleNode role =
        Scene.classicNodeRole()
            .inline(G.policy("inline policy 'no-ecr'", s, G.deny(deny, "ecr:*", "*")))
            .build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT
            + " is not granted the permissions to pull images from ECR (missing 'ecr:GetAuthorizationToken',"
            + " 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer').",
        f.message());
    assertEquals(
        new Location(
            deny,
            null,
            "This statement denies 'ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'."),
        f.related().get(1));
    assertEquals(2, f.related().size());
  }

  @Test
  void anImageReadLimitedToOtherRepositoriesIsMissing() {
    Span s = at(F, 30);
    RoleNode role =
        Scene.nodeRole("AmazonEKSWorkerNodePolicy")
            .inline(
                G.policy(
                    "inline policy 'ecr'",
                    s,
                    G.allow(G.next(s, 2), "ecr:GetAuthorizationToken", "*"),
                    G.allow(
                        G.next(s, 6),
                        List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        "arn:aws:ecr:*:111122223333:repository/*")))
            .build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT
            + " is not granted the permissions to pull images from ECR (missing 'ecr:BatchGetImage',"
            + " 'ecr:GetDownloadUrlForLayer').",
        findings.get(0).message());
  }
}

package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeInstanceProfileTest {

  private final Rule rule = new NodeInstanceProfile();

  private static final String EVIDENCE = "user data runs '/etc/eks/bootstrap.sh'";

  private static LaunchTemplateNode template(Value profile) {
    return new LaunchTemplateNode(
        new NodeId(F, "NodeTemplate"), span(F, 90, 3, 12), Guard.ALWAYS, Text.of("nodes", at(F, 92)), profile, EVIDENCE);
  }

  private static InstanceProfileNode profile() {
    return new InstanceProfileNode(
        new NodeId(F, "NodeProfile"), span(F, 80, 3, 11), Guard.ALWAYS, null,
        List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 83)))));
  }

  @Test
  void aProfileWhoseRoleTrustsEc2Passes() {
    LaunchTemplateNode lt = template(attr(F, "NodeProfile", "Arn", at(F, 95)));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(lt, profile(), Scene.classicNodeRole().build())));
  }

  @Test
  void selfManagedNodesWithoutAProfileFire() {
    List<Finding> findings = Runs.run(rule, Runs.graph(template(null)));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "Launch template 'NodeTemplate' launches EKS nodes (user data runs '/etc/eks/bootstrap.sh') but has no"
            + " IAM instance profile, so its nodes have no node role.",
        f.message());
    assertEquals(Level.WARNING, f.level());
    assertEquals(span(F, 90, 3, 12), f.location().span());
    assertEquals("NodeTemplate", f.location().address());
  }

  @Test
  void aManagedNodeGroupsTemplateNeedsNoProfile() {
    NodeGroupNode ng =
        new NodeGroupNode(
            new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.ALWAYS, null, null,
            attr(F, "NodeRole", "Arn", at(F, 53)), attr(F, "NodeTemplate", "Ref", at(F, 54)));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(template(null), ng)));
  }

  @Test
  void aProfileWhoseRoleDoesNotTrustEc2Fires() {
    RoleNode role = G.role(F, "NodeRole", 10).build();
    LaunchTemplateNode lt = template(attr(F, "NodeProfile", "Arn", at(F, 95)));
    List<Finding> findings = Runs.run(rule, Runs.graph(lt, profile(), role));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "Launch template 'NodeTemplate' uses instance profile 'NodeProfile' whose role 'NodeRole' does not let the"
            + " EC2 service assume it.",
        f.message());
    assertEquals(span(F, 90, 3, 12), f.location().span());
    assertEquals(span(F, 80, 3, 11), f.related().get(0).span());
  }

  @Test
  void aProfileOutsideTheScanIsUndecided() {
    LaunchTemplateNode lt = template(Text.of("arn:aws:iam::111122223333:instance-profile/elsewhere", at(F, 95)));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(lt)));

    List<Finding> open = Runs.run(rule, Runs.graph(lt), Runs.undecided());
    assertEquals(1, open.size());
    assertEquals(Finding.Kind.OPEN, open.get(0).kind());
    assertEquals(
        "Launch template 'NodeTemplate' uses instance profile"
            + " 'arn:aws:iam::111122223333:instance-profile/elsewhere', which is outside the scan.",
        open.get(0).message());
  }

  @Test
  void templatesWithoutEksEvidenceAreNotChecked() {
    LaunchTemplateNode lt =
        new LaunchTemplateNode(new NodeId(F, "WebTemplate"), span(F, 90, 3, 11), Guard.ALWAYS, null, null, null);
    assertEquals(List.of(), Runs.run(rule, Runs.graph(lt)));
  }
}

package dev.polygraph.link;

import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.testkit.G;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A cluster's IP family and Auto Mode are read once, as decided, one of several, or not known. */
class ClustersTest {

  private static final String F = "t.yaml";

  private static ClusterNode cluster(Value ipFamily, Value enabled, Value nodeRole) {
    return new ClusterNode(new NodeId(F, "Cluster"), span(F, 40, 3, 7), Guard.ALWAYS, Text.of("prod", at(F, 42)),
        null, ipFamily, enabled, nodeRole);
  }

  @Test
  void theIpFamilyIsDecidedOneOfSeveralOrNotKnown() {
    assertEquals(Optional.of(IpFamily.IPV4), Clusters.ipFamily(cluster(null, null, null)).decided());
    assertEquals(Optional.of(IpFamily.IPV6), Clusters.ipFamily(cluster(Text.of("IPv6", at(F, 43)), null, null)).decided());

    Choice<IpFamily> byCondition =
        Clusters.ipFamily(cluster(G.ifThen("IsIPv6", Text.of("ipv6", at(F, 43)), G.noValue(at(F, 43))), null, null));
    assertEquals(List.of(Guard.of("IsIPv6", true)), byCondition.when(IpFamily.IPV6));
    assertEquals(List.of(Guard.of("IsIPv6", false)), byCondition.when(IpFamily.IPV4));

    Choice<IpFamily> unknown = Clusters.ipFamily(cluster(new Unknown("variable 'ip_family' has no value", at(F, 43)), null, null));
    assertTrue(unknown.isUnknown());
    assertEquals("variable 'ip_family' has no value", unknown.unknowns().get(0).unknown());
    assertEquals(
        "'dual' is not 'ipv4' or 'ipv6'",
        Clusters.ipFamily(cluster(Text.of("dual", at(F, 43)), null, null)).unknowns().get(0).unknown());
  }

  @Test
  void autoModeIsTheFlagOrElseWhetherTheComputeConfigNamesANodeRole() {
    Value role = attr(F, "AutoNodeRole", "Arn", at(F, 46));
    assertEquals(Optional.of(false), Clusters.autoMode(cluster(null, null, null)).decided());
    assertEquals(Optional.of(true), Clusters.autoMode(cluster(null, Text.of("true", at(F, 45)), null)).decided());
    assertEquals(Optional.of(false), Clusters.autoMode(cluster(null, Text.of("False", at(F, 45)), role)).decided());
    assertEquals(Optional.of(true), Clusters.autoMode(cluster(null, null, role)).decided());

    Choice<Boolean> chosen = Clusters.autoMode(cluster(null, null, G.ifThen("AutoMode", role, G.noValue(at(F, 46)))));
    assertEquals(List.of(Guard.of("AutoMode", true)), chosen.when(true));
    assertEquals(List.of(Guard.of("AutoMode", false)), chosen.when(false));

    Choice<Boolean> unknown = Clusters.autoMode(cluster(null, new Unknown("variable 'auto' has no value", at(F, 45)), role));
    assertTrue(unknown.isUnknown());
  }

  @Test
  void allOfSeveralChoicesIsFalseWhereOneIsFalseAndNotKnownWhereOneIsNotKnown() {
    Choice<Boolean> on = Choice.of(true);
    Choice<Boolean> chosen =
        new Choice<>(List.of(new Choice.Option<>(Guard.of("A", true), true, null),
            new Choice.Option<>(Guard.of("A", false), null, "not known")));
    assertEquals(Optional.of(true), Choice.all(List.of(on, on)).decided());
    assertEquals(Optional.of(false), Choice.all(List.of(on, Choice.of(false))).decided());
    Choice<Boolean> both = Choice.all(List.of(on, chosen));
    assertEquals(List.of(Guard.of("A", true)), both.when(true));
    assertEquals(List.of(Guard.of("A", false)), both.unknowns().stream().map(Choice.Option::guard).toList());
  }
}

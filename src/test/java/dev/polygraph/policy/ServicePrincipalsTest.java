package dev.polygraph.policy;

import static dev.polygraph.policy.V.pseudo;
import static dev.polygraph.policy.V.sub;
import static dev.polygraph.policy.V.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServicePrincipalsTest {

  @ParameterizedTest
  @ValueSource(strings = {"ec2.amazonaws.com", "ec2.amazonaws.com.cn", "ec2.c2s.ic.gov", "ec2.sc2s.sgov.gov"})
  void ec2InEveryPartition(String principal) {
    assertTrue(ServicePrincipals.isEc2(text(principal)));
    assertFalse(ServicePrincipals.isEks(text(principal)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ec2.amazonaws.con", "ec2.amazonaw.com", "EC2.amazonaws.com", "ec2.amazonaws.com ", "ec2", "*", "ec2.amazonaws.eu.cn", "eks.amazonaws.com"})
  void typosAreNotEc2(String principal) {
    assertFalse(ServicePrincipals.isEc2(text(principal)));
  }

  @Test
  void ec2WithTheUrlSuffix() {
    assertTrue(ServicePrincipals.isEc2(sub("ec2.", pseudo(PseudoKind.URL_SUFFIX))));
    assertFalse(ServicePrincipals.isEc2(sub("ec2.", pseudo(PseudoKind.PARTITION))));
    assertFalse(ServicePrincipals.isEc2(sub("ec2.", pseudo(PseudoKind.URL_SUFFIX), ".cn")));
    assertFalse(ServicePrincipals.isEc2(sub("ec2", pseudo(PseudoKind.URL_SUFFIX))));
    assertFalse(ServicePrincipals.isEc2(V.unknown("no default")));
    assertFalse(ServicePrincipals.isEc2(V.strings("ec2.amazonaws.com")));
  }

  @Test
  void ec2WithASuffixNotKnownIsEc2InSomePartition() {
    assertTrue(ServicePrincipals.isEc2(sub("ec2.", new Symbol.Opaque("var.dns_suffix", "no value"))));
    assertTrue(
        ServicePrincipals.isEc2(
            sub("ec2.", new Symbol.ResourceAttr("main.tf", "data.aws_partition.current", "dns_suffix"))));
    assertTrue(ServicePrincipals.isEc2(sub("ec2.amazonaws.", new Symbol.Opaque("var.tld", "no value"))));
    assertFalse(ServicePrincipals.isEc2(sub("ec2.", pseudo(PseudoKind.REGION))));
    assertFalse(ServicePrincipals.isEc2(sub("lambda.", new Symbol.Opaque("var.dns_suffix", "no value"))));
    // Not known to be EC2, but it may be: only the service part is the question.
    assertFalse(ServicePrincipals.isEc2(sub("", new Symbol.Opaque("var.service", "no value"))));
    assertTrue(ServicePrincipals.mayBeEc2(sub("", new Symbol.Opaque("var.service", "no value"))));
    assertTrue(ServicePrincipals.mayBeEc2(sub("", new Symbol.Opaque("var.service", "no value"), ".amazonaws.com")));
    assertFalse(ServicePrincipals.mayBeEc2(sub("lambda.", new Symbol.Opaque("var.dns_suffix", "no value"))));
    assertFalse(ServicePrincipals.mayBeEc2(sub("ec2.", new Symbol.Opaque("var.dns_suffix", "no value"))));
  }

  @Test
  void eks() {
    assertTrue(ServicePrincipals.isEks(text("eks.amazonaws.com")));
    assertTrue(ServicePrincipals.isEks(sub("eks.", pseudo(PseudoKind.URL_SUFFIX))));
    assertFalse(ServicePrincipals.isEks(text("eks.amazonaws.con")));
    assertFalse(ServicePrincipals.isEks(text("eks-fargate-pods.amazonaws.com")));
    assertFalse(ServicePrincipals.isEks(sub("ec2.", pseudo(PseudoKind.URL_SUFFIX))));
  }
}

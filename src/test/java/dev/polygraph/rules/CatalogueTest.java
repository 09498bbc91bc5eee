package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  @Test
  void listsEveryRuleOnceSortedById() {
    List<String> ids = Catalogue.all().stream().map(Rule::id).toList();
    assertEquals(
        List.of(
            "EKS001", "EKS002", "EKS003", "EKS004", "EKS005", "EKS006", "EKS007", "EKS008", "EKS009", "EKS010",
            "IAM001", "IAM002", "POLY001"),
        ids);
  }

  @Test
  void eachClassIsNamedForWhatItChecks() {
    List<String> names = Catalogue.all().stream().map(r -> r.getClass().getSimpleName()).toList();
    assertEquals(
        List.of(
            "NodeRoleTrustsEc2", "NodeRoleTrustNotTooBroad", "NodeRoleWorkerNodePermissions", "NodeRoleEcrPull",
            "NodeRoleCniIpv4", "NodeRoleCniIpv6", "CniIpv6PolicyNotTooBroad", "NodeRoleNotClusterRole",
            "NodeInstanceProfile", "HardCodedPartition", "PolicyDocumentInvalid", "UnknownAction",
            "InputUnparseable"),
        names);
  }
}

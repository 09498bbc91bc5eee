package dev.polygraph.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polygraph.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderRolesTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), yaml);
  }

  private String error(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
  }

  @Test
  void aDeclaredRoleKeepsWhereEachPartIsWrittenAndResolvesFilesBesideTheConfig() throws Exception {
    Path file =
        write(
            "roles:\n"
                + "  AmazonEKSNodeRole:\n"
                + "    kind: eks-node\n"
                + "    ip-family: IPv6\n"
                + "    trust: trust/node.json\n"
                + "    managed-policies: [arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy]\n"
                + "    policies: [../shared/vpc-cni-ipv6-policy.json]\n"
                + "  eks-cluster-role:\n"
                + "    kind: eks-cluster\n");
    Config config = ConfigLoader.load(file);
    String name = file.toString();
    assertEquals(2, config.roles().size());
    RoleDeclaration node = config.roles().get(0);
    assertEquals("AmazonEKSNodeRole", node.name());
    assertEquals(new Span(name, 2, 3, 2, 20), node.span());
    assertEquals(Optional.of("eks-node"), node.kind());
    assertEquals(Optional.of("ipv6"), node.ipFamily());
    RoleDeclaration.FileRef trust = node.trust().orElseThrow();
    assertEquals("trust/node.json", trust.written());
    assertEquals(new Span(name, 5, 12, 5, 27), trust.span());
    assertEquals(dir.toAbsolutePath().resolve("trust/node.json"), trust.path());
    assertEquals(
        List.of(new RoleDeclaration.Item("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", new Span(name, 6, 24, 6, 73))),
        node.managedPolicies());
    assertEquals(dir.toAbsolutePath().getParent().resolve("shared/vpc-cni-ipv6-policy.json"), node.policies().get(0).path());
    RoleDeclaration cluster = config.roles().get(1);
    assertEquals(Optional.of("eks-cluster"), cluster.kind());
    assertEquals(Optional.empty(), cluster.trust());
    assertEquals(List.of(), cluster.policies());
  }

  @Test
  void mistakesInRolesAreErrorsWithTheirPosition() throws IOException {
    String f = dir.resolve(ConfigLoader.FILE_NAME).toString();
    assertEquals(
        f + ":3:5: unknown key 'trust-policy' in role 'r'; allowed keys: kind, ip-family, trust, managed-policies, policies",
        error("roles:\n  r:\n    trust-policy: t.json\n"));
    assertEquals(
        f + ":3:11: 'kind' of role 'r' must be one of eks-node, eks-cluster",
        error("roles:\n  r:\n    kind: node\n"));
    assertEquals(
        f + ":3:16: 'ip-family' of role 'r' needs 'kind: eks-node'",
        error("roles:\n  r:\n    ip-family: ipv6\n"));
    assertEquals(
        f + ":3:24: 'AmazonEKSWorkerNodePolicy' is not a managed policy ARN (arn:PARTITION:iam::ACCOUNT:policy/NAME)",
        error("roles:\n  r:\n    managed-policies: [AmazonEKSWorkerNodePolicy]\n"));
    assertEquals(
        f + ":3:15: 'policies' of role 'r' must be a list of strings",
        error("roles:\n  r:\n    policies: p.json\n"));
    assertEquals(f + ":2:6: role 'r' must be a mapping", error("roles:\n  r: eks-node\n"));
    assertEquals(
        f + ":2:3: 'my role' is not an IAM role name (letters, digits and +=,.@_-, at most 64)",
        error("roles:\n  my role: {kind: eks-node}\n"));
    assertEquals(f + ":3:3: Duplicate key 'r' (first defined at line 2).", error("roles:\n  r: {}\n  r: {}\n"));
  }
}

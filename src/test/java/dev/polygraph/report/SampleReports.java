package dev.polygraph.report;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Synthetic scan reports shared by the reporter tests and the golden files: every feature a reporter
 * must render (levels, an undecided finding, related locations, empty and multi-line spans, a tab, a
 * path with a space and non-ASCII letters, a finding in a file whose text is not at hand,
 * notifications with and without a file).
 */
public final class SampleReports {
  public static final String NODES = "templates/nodes.yaml";
  public static final String TRUST = "policies/node trust ü.json";
  public static final String MISSING = "modules/missing.tf";

  public static final String NODES_TEXT =
      "Resources:\n"
          + "  NodeInstanceRole:\n"
          + "    Type: AWS::IAM::Role\n"
          + "    Properties:\n"
          + "      AssumeRolePolicyDocument: !Ref TrustPolicy\n"
          + "      Path: /\n"
          + "      RoleName: eks-nodes\n"
          + "      ManagedPolicyArns:\n"
          + "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy\n"
          + "  Workers:\n"
          + "    Type: AWS::EKS::Nodegroup\n"
          + "    Properties:\n"
          + "      NodeRole: !GetAtt NodeInstanceRole.Arn\n"
          + "      ScalingConfig: {MinSize: 1, MaxSize: 3}\n";

  public static final String TRUST_TEXT =
      "{\r\n"
          + "  \"Version\": \"2012-10-17\",\r\n"
          + "  \"Statement\": [{\r\n"
          + "\t\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazon.com\"},\r\n"
          + "\t\"Action\": \"sts:AssumeRole\"\r\n"
          + "  }]\r\n"
          + "}\r\n";

  private SampleReports() {}

  public static List<RuleMeta> rules() {
    return List.of(
        rule("EKS001", "NodeRoleTrustsEc2", "The node role's trust policy lets EC2 assume it.",
            Level.ERROR, "8.0", "very-high", List.of("security", "eks", "iam")),
        rule("EKS003", "NodeRoleWorkerNodePermissions",
            "The node role has the permissions of AmazonEKSWorkerNodePolicy.",
            Level.ERROR, "7.5", "high", List.of("security", "eks")),
        rule("EKS004", "NodeRoleEcrReadOnly",
            "The node role can pull images from Amazon ECR.",
            Level.ERROR, "6.0", "high", List.of("eks")),
        rule("EKS007", "NodeRoleNameIsExplicit", "Node roles are named explicitly.",
            Level.WARNING, null, "medium", List.of()),
        rule("POLY001", "InputParses", "Every input file parses.",
            Level.ERROR, null, "very-high", List.of("correctness")));
  }

  private static RuleMeta rule(
      String id, String name, String shortDescription, Level level, String severity,
      String precision, List<String> tags) {
    String slug = name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    return new RuleMeta(
        id,
        slug,
        name,
        shortDescription,
        shortDescription + " Checked on every role that EKS nodes run as.",
        "## " + name + "\n\nWhy it matters and how to fix it, with an example:\n\n```yaml\nfix: here\n```\n",
        "https://github.com/polygraph-dev/polygraph/blob/main/docs/rules/" + id + ".md",
        level,
        severity,
        precision,
        tags,
        List.of("cfn"),
        Map.of());
  }

  /** The report behind the golden files: one of everything, no scan root. */
  public static ScanReport sample() {
    return sample(null);
  }

  public static ScanReport sample(String rootUri) {
    Finding parseError =
        new Finding("POLY001", Level.ERROR, Finding.Kind.FAIL,
            "Expected '=' after attribute name 'role'.",
            Location.at(Span.point(MISSING, 3, 8)), List.of(),
            "POLY001|modules/missing.tf|syntax", null);
    Finding trust =
        new Finding("EKS001", Level.ERROR, Finding.Kind.FAIL,
            "Trust policy of role 'eks-node-role' does not let 'ec2.amazonaws.com' assume it.",
            new Location(new Span(TRUST, 4, 21, 4, 63), "eks-node-role", null),
            List.of(new Location(new Span(TRUST, 4, 2, 4, 19), null, "The only 'Allow' statement.")),
            "EKS001|eks-node-role|trust", "add \"ec2.amazonaws.com\" to Principal.Service");
    Finding permissions =
        new Finding("EKS003", Level.ERROR, Finding.Kind.FAIL,
            "Node role 'NodeInstanceRole' is not granted 'AmazonEKSWorkerNodePolicy' permissions"
                + " (missing: 'ec2:DescribeInstances', 'eks:DescribeCluster').",
            new Location(new Span(NODES, 8, 7, 8, 24), "NodeInstanceRole", null),
            List.of(
                new Location(new Span(NODES, 10, 3, 10, 10), "Workers",
                    "Node group 'Workers' runs as this role."),
                new Location(new Span(NODES, 13, 17, 13, 45), null, null)),
            "EKS003|NodeInstanceRole|AmazonEKSWorkerNodePolicy",
            "add !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy");
    Finding roleName =
        new Finding("EKS007", Level.WARNING, Finding.Kind.FAIL,
            "Role 'NodeInstanceRole' is named 'eks-nodes', which does not match 'node-roles'.",
            new Location(Span.point(NODES, 7, 17), "NodeInstanceRole", null), List.of(),
            "EKS007|NodeInstanceRole", null);
    Finding ecr =
        new Finding("EKS004", Level.ERROR, Finding.Kind.OPEN,
            "Could not decide whether node role 'NodeInstanceRole' can pull from Amazon ECR:"
                + " 'TrustPolicy' is a parameter without a default.",
            new Location(new Span(NODES, 8, 7, 9, 74), "NodeInstanceRole", null), List.of(),
            "EKS004|NodeInstanceRole", null);
    return new ScanReport(
        "0.1.0",
        List.of(parseError, trust, roleName, permissions, ecr),
        rules(),
        Map.of(
            NODES, new SourceFile(Path.of(NODES), NODES, NODES_TEXT),
            TRUST, new SourceFile(Path.of(TRUST), TRUST, TRUST_TEXT)),
        List.of(
            new Notification(Level.WARNING, "Skipped a file larger than 5 MiB.",
                Span.fileStart("data/account dump.json")),
            new Notification(Level.NOTE, "Rule 'EKS010' is disabled by configuration.", null)),
        3,
        true,
        rootUri);
  }

  /** A clean scan: rules ran, nothing found, nothing to say. */
  public static ScanReport empty() {
    return new ScanReport("0.1.0", List.of(), rules(), Map.of(), List.of(), 1, true, null);
  }
}

package dev.polygraph.rules;

import dev.polygraph.policy.Effect;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.Statement;
import dev.polygraph.source.Span;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What EKS needs from node and CNI roles, as action/resource pairs. Action lists come from the AWS
 * managed documents shipped under {@code rules/}, so they follow the data; only the IPv6 CNI actions
 * are fixed here, because no managed policy holds them (EKS user guide, "IPv6 CNI policy").
 */
final class Requirements {

  static final String WORKER_NODE = "AmazonEKSWorkerNodePolicy";
  static final String WORKER_NODE_MINIMAL = "AmazonEKSWorkerNodeMinimalPolicy";
  static final String ECR_READ_ONLY = "AmazonEC2ContainerRegistryReadOnly";
  static final String ECR_PULL_ONLY = "AmazonEC2ContainerRegistryPullOnly";
  static final String CNI = "AmazonEKS_CNI_Policy";

  static final String CREATE_TAGS = "ec2:CreateTags";
  static final String ASSIGN_IPV6 = "ec2:AssignIpv6Addresses";

  /** The IPv6 VPC CNI's actions; all on "*" except CreateTags, which is on network interfaces. */
  static final List<String> IPV6_CNI_ACTIONS =
      List.of(
          ASSIGN_IPV6,
          "ec2:DescribeInstances",
          "ec2:DescribeTags",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeInstanceTypes",
          CREATE_TAGS);

  /** The registry token is account-wide: IAM grants it only on "*". */
  private static final String ECR_TOKEN = "ecr:GetAuthorizationToken";

  // The account AWS serves the EKS add-on images from (amazon-k8s-cni and friends).
  private static final String ADDON_IMAGE_ACCOUNT = "602401143452";

  // A concrete resource that stands for "any resource of this type" in a managed policy's pattern.
  private static final Map<String, String> SAMPLE_IDS = Map.of("network-interface/", "eni-0");

  private static final Span HERE = Span.fileStart("rules/aws-managed-policies");

  private Requirements() {}

  /** Every action an AWS managed policy allows, each on a resource its statement covers. */
  static List<Requirement> ofManagedPolicy(ManagedPolicies managed, String name) {
    List<Requirement> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Statement s : document(managed, name).statements()) {
      if (s.effect() != Effect.ALLOW || s.notAction() || s.notResource() || s.resources().isEmpty()) {
        continue;
      }
      Text resource = sample(s.resources().get(0));
      for (Value a : s.actions()) {
        Optional<String> action = Values.literal(a);
        if (action.isPresent() && seen.add(action.get().toLowerCase(Locale.ROOT))) {
          out.add(new Requirement(action.get(), resource));
        }
      }
    }
    return out;
  }

  /**
   * What pulling an image from ECR needs: the actions both ECR managed policies grant (the
   * registry token on "*", the image reads on a repository of AWS's add-on account).
   */
  static List<Requirement> ecrPull(ManagedPolicies managed) {
    Set<String> readOnly = new LinkedHashSet<>();
    ofManagedPolicy(managed, ECR_READ_ONLY).forEach(r -> readOnly.add(r.action().toLowerCase(Locale.ROOT)));
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : ofManagedPolicy(managed, ECR_PULL_ONLY)) {
      if (!readOnly.contains(r.action().toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(new Requirement(r.action(), r.action().equalsIgnoreCase(ECR_TOKEN) ? star() : addonRepository()));
    }
    return out;
  }

  static List<Requirement> ipv6Cni() {
    List<Requirement> out = new ArrayList<>();
    for (String action : IPV6_CNI_ACTIONS) {
      out.add(new Requirement(action, action.equals(CREATE_TAGS) ? networkInterface() : star()));
    }
    return out;
  }

  static Requirement assignIpv6() {
    return new Requirement(ASSIGN_IPV6, star());
  }

  static Text star() {
    return Text.of("*", HERE);
  }

  /** arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/eni-0 */
  static Text networkInterface() {
    return arn("ec2", sym(Symbol.PseudoKind.REGION), sym(Symbol.PseudoKind.ACCOUNT_ID), "network-interface/eni-0");
  }

  /** arn:${AWS::Partition}:ecr:${AWS::Region}:602401143452:repository/amazon-k8s-cni */
  static Text addonRepository() {
    return arn(
        "ecr", sym(Symbol.PseudoKind.REGION), new Text.Literal(ADDON_IMAGE_ACCOUNT), "repository/amazon-k8s-cni");
  }

  private static PolicyDocument document(ManagedPolicies managed, String name) {
    return managed
        .byName(name)
        .orElseThrow(() -> new IllegalStateException("AWS managed policy " + name + " is not shipped under rules/"));
  }

  /** A concrete resource inside a managed policy's resource pattern, with the deployment's symbols. */
  private static Text sample(Value pattern) {
    // The shipped documents write the partition as ${AWS::Partition}; the sample always uses that symbol.
    String p = pattern instanceof Text t ? t.render(symbol -> "_") : "*";
    String[] parts = p.split(":", 6);
    if (p.equals("*") || parts.length != 6 || !parts[0].equals("arn")) {
      return star();
    }
    Text.Part region = parts[3].equals("*") ? sym(Symbol.PseudoKind.REGION) : new Text.Literal(parts[3]);
    Text.Part account = parts[4].equals("*") ? sym(Symbol.PseudoKind.ACCOUNT_ID) : new Text.Literal(parts[4]);
    String resource = parts[5];
    for (Map.Entry<String, String> e : SAMPLE_IDS.entrySet()) {
      if (resource.equals(e.getKey() + "*")) {
        resource = e.getKey() + e.getValue();
      }
    }
    return arn(parts[2], region, account, resource.replace("*", "example"));
  }

  private static Text arn(String service, Text.Part region, Text.Part account, String resource) {
    return new Text(
        List.of(
            new Text.Literal("arn:"),
            sym(Symbol.PseudoKind.PARTITION),
            new Text.Literal(":" + service + ":"),
            region,
            new Text.Literal(":"),
            account,
            new Text.Literal(":" + resource)),
        HERE);
  }

  private static Text.Part sym(Symbol.PseudoKind kind) {
    return new Text.Sym(new Symbol.Pseudo(kind));
  }
}

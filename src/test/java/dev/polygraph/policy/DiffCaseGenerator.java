package dev.polygraph.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random but reproducible policy cases for the differential test, drawn from a fixed seed.
 *
 * <p>Requests come from {@link #REQUESTS}: pairs the simulator accepts (it validates that the
 * action takes that kind of resource, and that wildcard-only actions are asked about "*"). Action
 * elements are catalog actions of the request's service and others, with wildcards and case
 * changes. Resource elements are "*" or six-segment ARNs with wildcards inside segments.
 *
 * <p>What is never generated, and why:
 * <ul>
 *   <li>Conditions and CloudFormation symbols: the simulator cannot see symbols, and conditions
 *       need request context polygraph does not model.
 *   <li>Resource patterns with fewer than six segments, or whose {@code *} would have to run over a
 *       colon: polygraph lets every {@code *} cross colons (documented on {@link WildcardMatcher}),
 *       IAM lets only a segment's trailing {@code *} do so, and the simulator never does. With six
 *       segments on both sides and no colon in resource ids, every match aligns the colons, so the
 *       three agree.
 *   <li>Wildcards in the resource type ("instance" in {@code instance/i-1}) and in the service
 *       segment: IAM does not support them (see "Identify AWS resources with ARNs").
 *   <li>Case changes outside the resource id: IAM compares ARNs case-sensitively and so does
 *       polygraph; the simulator folds case in the partition, service, region and account segments.
 *   <li>Requests on a resource pattern, and specific ARNs in a Deny or a NotResource when the request
 *       is on "*": polygraph reads "*" as "every resource" (an Allow must cover it all, a Deny on a
 *       part makes the answer undecided); for a wildcard-only action IAM and the simulator compare
 *       the literal "*", which no specific ARN matches.
 *   <li>{@code sts:GetCallerIdentity}: AWS answers it whatever the policies say, and the simulator
 *       models that; polygraph evaluates only policies.
 * </ul>
 */
final class DiffCaseGenerator {

  static final String ACCOUNT = "111122223333";
  static final String OTHER_ACCOUNT = "444455556666";

  private static final String INSTANCE = "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-0abc123";
  private static final String ENI = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":network-interface/eni-0123";
  private static final String SECURITY_GROUP = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":security-group/sg-0456";
  private static final String VOLUME = "arn:aws:ec2:us-east-1:" + ACCOUNT + ":volume/vol-0789";
  private static final String IMAGE = "arn:aws:ec2:us-east-1::image/ami-0fedcba";
  private static final String REPOSITORY = "arn:aws:ecr:us-west-2:" + ACCOUNT + ":repository/team/app";
  private static final String CLUSTER = "arn:aws:eks:us-west-2:" + ACCOUNT + ":cluster/prod";
  private static final String NODEGROUP = "arn:aws:eks:us-west-2:" + ACCOUNT + ":nodegroup/prod/workers/5ec0ffee";
  private static final String NODE_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/eks/node-role";
  private static final String DEPLOYER = "arn:aws:iam::" + ACCOUNT + ":role/deployer";
  private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/alice";
  private static final String POLICY = "arn:aws:iam::" + ACCOUNT + ":policy/NodePolicy";
  private static final String PROFILE = "arn:aws:iam::" + ACCOUNT + ":instance-profile/eks-node";

  /** Every concrete resource a request names; resource elements are drawn from these too. */
  static final List<String> ARNS =
      List.of(INSTANCE, ENI, SECURITY_GROUP, VOLUME, IMAGE, REPOSITORY, CLUSTER, NODEGROUP, NODE_ROLE, DEPLOYER,
          USER, POLICY, PROFILE);

  /** An action and the resource it is asked about. */
  record Request(String action, String resource) {}

  static final List<Request> REQUESTS =
      List.of(
          new Request("ec2:DescribeInstances", "*"),
          new Request("ec2:DescribeVpcs", "*"),
          new Request("ec2:DescribeSubnets", "*"),
          new Request("ec2:DescribeNetworkInterfaces", "*"),
          new Request("ec2:DescribeRouteTables", "*"),
          new Request("ec2:DescribeAvailabilityZones", "*"),
          new Request("ec2:DescribeSecurityGroups", "*"),
          new Request("ecr:GetAuthorizationToken", "*"),
          new Request("eks:CreateCluster", "*"),
          new Request("eks:DescribeAddonVersions", "*"),
          new Request("sts:GetSessionToken", "*"),
          new Request("iam:ListRoles", "*"),
          new Request("iam:GetAccountSummary", "*"),
          new Request("ec2:StartInstances", INSTANCE),
          new Request("ec2:StopInstances", INSTANCE),
          new Request("ec2:TerminateInstances", INSTANCE),
          new Request("ec2:CreateTags", INSTANCE),
          new Request("ec2:AssignPrivateIpAddresses", ENI),
          new Request("ec2:DeleteNetworkInterface", ENI),
          new Request("ec2:CreateTags", ENI),
          new Request("ec2:AuthorizeSecurityGroupIngress", SECURITY_GROUP),
          new Request("ec2:RevokeSecurityGroupIngress", SECURITY_GROUP),
          new Request("ec2:DeleteVolume", VOLUME),
          new Request("ec2:AttachVolume", VOLUME),
          new Request("ec2:RunInstances", IMAGE),
          new Request("ecr:BatchGetImage", REPOSITORY),
          new Request("ecr:GetDownloadUrlForLayer", REPOSITORY),
          new Request("ecr:BatchCheckLayerAvailability", REPOSITORY),
          new Request("ecr:PutImage", REPOSITORY),
          new Request("eks:DescribeCluster", CLUSTER),
          new Request("eks:AccessKubernetesApi", CLUSTER),
          new Request("eks:DeleteCluster", CLUSTER),
          new Request("eks:DescribeNodegroup", NODEGROUP),
          new Request("eks:DeleteNodegroup", NODEGROUP),
          new Request("iam:PassRole", NODE_ROLE),
          new Request("iam:GetRole", NODE_ROLE),
          new Request("iam:AttachRolePolicy", NODE_ROLE),
          new Request("iam:CreateAccessKey", USER),
          new Request("iam:GetUser", USER),
          new Request("iam:GetPolicy", POLICY),
          new Request("iam:CreatePolicyVersion", POLICY),
          new Request("iam:GetInstanceProfile", PROFILE),
          new Request("iam:AddRoleToInstanceProfile", PROFILE),
          new Request("sts:AssumeRole", DEPLOYER),
          new Request("sts:TagSession", DEPLOYER));

  private final Random random;
  private final List<String> catalog;

  /**
   * @param catalog the actions of the services the requests use (from rules/iam-actions.txt)
   */
  DiffCaseGenerator(long seed, List<String> catalog) {
    this.random = new Random(seed);
    this.catalog = List.copyOf(catalog);
  }

  List<DiffCase> generate(int count) {
    List<DiffCase> cases = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Request request = pick(REQUESTS);
      List<ObjectNode> identity = new ArrayList<>();
      int docs = chance(5) ? 0 : 1 + random.nextInt(2);
      for (int d = 0; d < docs; d++) {
        identity.add(document(request, 65));
      }
      // Boundaries mostly allow, so that they matter in both directions.
      ObjectNode boundary = chance(30) ? document(request, 85) : null;
      cases.add(new DiffCase(String.format(Locale.ROOT, "G%03d", i), "generated", identity, boundary,
          request.action(), request.resource()));
    }
    return cases;
  }

  private ObjectNode document(Request request, int allowPercent) {
    int n = 1 + random.nextInt(3);
    ObjectNode[] statements = new ObjectNode[n];
    for (int s = 0; s < n; s++) {
      statements[s] = statement(request, chance(allowPercent));
    }
    return DiffCase.document(statements);
  }

  private ObjectNode statement(Request request, boolean allow) {
    boolean notAction = chance(15);
    boolean notResource = chance(15);
    List<String> actions = new ArrayList<>();
    for (int k = size(); k > 0; k--) {
      actions.add(actionElement(request.action()));
    }
    List<String> resources = new ArrayList<>();
    boolean specificAllowed = !request.resource().equals("*") || (allow && !notResource);
    for (int k = size(); k > 0; k--) {
      resources.add(resourceElement(request.resource(), specificAllowed));
    }
    return DiffCase.statement(allow ? "Allow" : "Deny", notAction ? "NotAction" : "Action", actions,
        notResource ? "NotResource" : "Resource", resources);
  }

  /** How many elements an Action or Resource has: mostly one. */
  private int size() {
    int roll = random.nextInt(10);
    return roll < 6 ? 1 : roll < 9 ? 2 : 3;
  }

  /** An action element near the requested action, or any catalog action, with wildcards and case changes. */
  String actionElement(String requested) {
    String base;
    int roll = random.nextInt(100);
    if (roll < 55) {
      base = requested;
    } else if (roll < 75) {
      String service = requested.substring(0, requested.indexOf(':') + 1);
      List<String> same = catalog.stream().filter(a -> a.startsWith(service)).toList();
      base = pick(same);
    } else {
      base = pick(catalog);
    }
    int colon = base.indexOf(':');
    String service = base.substring(0, colon);
    String name = base.substring(colon + 1);
    String element;
    switch (random.nextInt(10)) {
      case 0:
        element = "*";
        break;
      case 1:
        element = service + ":*";
        break;
      case 2:
        element = service + ":" + name.substring(0, random.nextInt(name.length() + 1)) + "*";
        break;
      case 3:
        element = service + ":*" + name.substring(random.nextInt(name.length() + 1));
        break;
      case 4:
        element = service + ":" + starInside(name);
        break;
      case 5:
        element = service + ":" + questionMark(name);
        break;
      case 6:
        // One character too many or too few: a near miss.
        element = service + ":" + (chance(50) ? name + "s" : name.substring(0, name.length() - 1));
        break;
      default:
        element = base;
        break;
    }
    return chance(35) ? mixCase(element) : element;
  }

  /**
   * "*", or an ARN near the request's (or another) with wildcards inside its segments and case
   * changes only in its resource id.
   *
   * @param specific whether a specific ARN may be returned (see the class comment)
   */
  String resourceElement(String requested, boolean specific) {
    int roll = random.nextInt(100);
    if (!specific || roll < 20) {
      return "*";
    }
    String base = roll < 70 && !requested.equals("*") ? requested : pick(ARNS);
    String[] seg = base.split(":", 6);
    int transforms = random.nextInt(3);
    for (int t = 0; t < transforms; t++) {
      switch (random.nextInt(9)) {
        case 0:
          seg[3] = pick(List.of("*", "us-*", "??-????-?", "*-west-?", "eu-central-1", ""));
          break;
        case 1:
          seg[4] = pick(List.of("*", OTHER_ACCOUNT, "1111222233?3", "111122*", ""));
          break;
        case 2:
          seg[1] = pick(List.of("*", "aws-cn", "aws*", "a?s"));
          break;
        case 3:
          seg[5] = type(seg[5]) + "*";
          break;
        case 4:
          seg[5] = chance(50) ? "*" : type(seg[5]) + starInside(id(seg[5]));
          break;
        case 5:
          seg[5] = type(seg[5]) + questionMark(id(seg[5]));
          break;
        case 6:
          seg[5] = type(seg[5]) + mixCase(id(seg[5]));
          break;
        case 7:
          String id = id(seg[5]);
          seg[5] = type(seg[5]) + id.substring(0, random.nextInt(id.length() + 1)) + "*";
          break;
        default:
          break;
      }
    }
    return String.join(":", seg);
  }

  /** "instance/" of "instance/i-1"; empty when the resource part has no type or is a wildcard. */
  private static String type(String resourcePart) {
    int slash = resourcePart.indexOf('/');
    return slash < 0 || resourcePart.substring(0, slash).matches(".*[*?].*") ? "" : resourcePart.substring(0, slash + 1);
  }

  /** The part after the type: "i-1" of "instance/i-1". */
  private static String id(String resourcePart) {
    String id = resourcePart.substring(type(resourcePart).length());
    return id.isEmpty() ? "x" : id;
  }

  /** Replaces a run of characters (possibly empty) inside {@code s} by one star. */
  private String starInside(String s) {
    int from = random.nextInt(s.length() + 1);
    int to = from + random.nextInt(s.length() - from + 1);
    return s.substring(0, from) + "*" + s.substring(to);
  }

  /** Replaces one character of {@code s} by a question mark. */
  private String questionMark(String s) {
    int at = random.nextInt(s.length());
    return s.substring(0, at) + "?" + s.substring(at + 1);
  }

  /** Flips the case of each letter with even odds. */
  private String mixCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      boolean flip = Character.isLetter(c) && random.nextBoolean();
      sb.append(!flip ? c : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return sb.toString();
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}

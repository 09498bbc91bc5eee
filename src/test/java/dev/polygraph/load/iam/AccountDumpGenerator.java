package dev.polygraph.load.iam;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large, realistic {@code aws iam get-account-authorization-details} output for the
 * streaming benchmark (not a timed test): mostly unrelated service roles with URL-encoded documents,
 * one EKS node role in twenty (every fifth of them without ECR permissions), customer-managed
 * policies with several versions, instance profiles and permissions boundaries.
 *
 * <pre>
 * java -cp target/test-classes dev.polygraph.load.iam.AccountDumpGenerator dump.json 100
 * /usr/bin/time -v java -jar target/polygraph.jar scan dump.json
 * </pre>
 */
public final class AccountDumpGenerator {

  private static final String ACCOUNT = "111122223333";
  private static final String[] SERVICES = {"lambda", "ecs-tasks", "states", "glue", "codebuild", "events"};
  private static final String[] ACTIONS = {
    "s3:GetObject", "s3:PutObject", "dynamodb:GetItem", "dynamodb:Query", "sqs:SendMessage",
    "sqs:ReceiveMessage", "logs:CreateLogStream", "logs:PutLogEvents", "kms:Decrypt", "sns:Publish"
  };

  private final Random random = new Random(42);
  private final Writer out;
  private long written;

  private AccountDumpGenerator(Writer out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "dump.json");
    long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 100;
    try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      new AccountDumpGenerator(w).dump(megabytes << 20);
    }
    System.out.println(target + ": " + Files.size(target) + " bytes");
  }

  private void dump(long bytes) throws IOException {
    long policyBudget = bytes / 5;
    write("{\n    \"UserDetailList\": [],\n    \"GroupDetailList\": [],\n    \"RoleDetailList\": [");
    int roles = 0;
    while (written < bytes - policyBudget) {
      write(roles == 0 ? "\n" : ",\n");
      role(roles++);
    }
    write("\n    ],\n    \"Policies\": [");
    int policies = 0;
    while (written < bytes) {
      write(policies == 0 ? "\n" : ",\n");
      policy(policies++);
    }
    write("\n    ]\n}\n");
  }

  private void role(int i) throws IOException {
    boolean node = i % 20 == 7;
    String name = node ? "eks-node-role-" + i : SERVICES[i % SERVICES.length] + "-role-" + i;
    String service = node ? "ec2" : SERVICES[i % SERVICES.length];
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
            + service + ".amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    write("        {\n");
    write("            \"Path\": \"/\",\n            \"RoleName\": \"" + name + "\",\n");
    write("            \"RoleId\": \"AROA" + String.format("%016d", i) + "\",\n");
    write("            \"Arn\": \"arn:aws:iam::" + ACCOUNT + ":role/" + name + "\",\n");
    write("            \"CreateDate\": \"2024-03-01T10:00:00+00:00\",\n");
    write("            \"AssumeRolePolicyDocument\": \"" + encoded(trust) + "\",\n");
    write("            \"InstanceProfileList\": [");
    if (node) {
      write("\n                {\"Path\": \"/\", \"InstanceProfileName\": \"" + name + "\", \"Arn\": \"arn:aws:iam::"
          + ACCOUNT + ":instance-profile/" + name + "\", \"Roles\": [{\"RoleName\": \"" + name
          + "\", \"AssumeRolePolicyDocument\": \"" + encoded(trust) + "\"}]}\n            ");
    }
    write("],\n            \"RolePolicyList\": [\n");
    int inline = node ? 0 : 1 + random.nextInt(3);
    for (int p = 0; p < inline; p++) {
      write("                {\"PolicyName\": \"inline-" + p + "\", \"PolicyDocument\": \"" + encoded(permissions(4)) + "\"}");
      write(p + 1 < inline ? ",\n" : "\n");
    }
    write("            ],\n            \"AttachedManagedPolicies\": [\n");
    if (node) {
      write(aws("AmazonEKSWorkerNodePolicy") + ",\n" + aws("AmazonEKS_CNI_Policy"));
      write(i % 100 == 7 ? "\n" : ",\n" + aws("AmazonEC2ContainerRegistryPullOnly") + "\n");
    } else {
      write("                {\"PolicyName\": \"shared-" + (i % 50) + "\", \"PolicyArn\": \"arn:aws:iam::" + ACCOUNT
          + ":policy/shared-" + (i % 50) + "\"}\n");
    }
    write("            ],\n");
    if (!node && i % 3 == 0) {
      write("            \"PermissionsBoundary\": {\"PermissionsBoundaryType\": \"Policy\", \"PermissionsBoundaryArn\": "
          + "\"arn:aws:iam::" + ACCOUNT + ":policy/boundary\"},\n");
    }
    write("            \"Tags\": [{\"Key\": \"team\", \"Value\": \"team-" + (i % 17) + "\"}],\n");
    write("            \"RoleLastUsed\": {}\n        }");
  }

  private void policy(int i) throws IOException {
    String name = i < 50 ? "shared-" + i : i == 50 ? "boundary" : "policy-" + i;
    write("        {\n            \"PolicyName\": \"" + name + "\",\n");
    write("            \"PolicyId\": \"ANPA" + String.format("%016d", i) + "\",\n");
    write("            \"Arn\": \"arn:aws:iam::" + ACCOUNT + ":policy/" + name + "\",\n");
    write("            \"Path\": \"/\",\n            \"DefaultVersionId\": \"v3\",\n");
    write("            \"AttachmentCount\": 1,\n            \"IsAttachable\": true,\n");
    write("            \"PolicyVersionList\": [\n");
    for (int v = 3; v >= 1; v--) {
      write("                {\"Document\": \"" + encoded(permissions(6)) + "\", \"VersionId\": \"v" + v
          + "\", \"IsDefaultVersion\": " + (v == 3) + ", \"CreateDate\": \"2024-0" + v + "-01T00:00:00+00:00\"}");
      write(v > 1 ? ",\n" : "\n");
    }
    write("            ]\n        }");
  }

  private String permissions(int statements) {
    StringBuilder s = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < statements; i++) {
      s.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":[\"")
          .append(ACTIONS[random.nextInt(ACTIONS.length)]).append("\",\"")
          .append(ACTIONS[random.nextInt(ACTIONS.length)]).append("\"],\"Resource\":\"arn:aws:s3:::bucket-")
          .append(random.nextInt(1000)).append("/*\"}");
    }
    return s.append("]}").toString();
  }

  private static String aws(String policy) {
    return "                {\"PolicyName\": \"" + policy + "\", \"PolicyArn\": \"arn:aws:iam::aws:policy/" + policy + "\"}";
  }

  private static String encoded(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void write(String s) throws IOException {
    out.write(s);
    written += s.length();
  }
}

package dev.polygraph.scan;

import dev.polygraph.load.sh.ShellFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a file that cannot be read as text (a NUL byte, invalid UTF-8, over the size cap) would be
 * a policy input, from its name and a cheap look at its first bytes: then it is a POLY001 error, not
 * a skip, so that breaking a file can't hide its defects. A file no format would claim (a PNG, a
 * {@code package.json}) stays a silent skip. The signals are the ones the loaders claim files by;
 * the content-based {@code InputFormat} catalogue (issue 10 §1) replaces this one method.
 */
public final class PolicyInputSignal {

  /** How much of a file the look reads. */
  public static final int HEAD_BYTES = 1 << 20;

  /** Top-level keys of templates, policy documents, CLI outputs and account dumps, quoted or not. */
  private static final Pattern DOCUMENT_KEY =
      Pattern.compile("[\"']?(AWSTemplateFormatVersion|Statement|RoleDetailList|UserDetailList|GroupDetailList"
          + "|AssumeRolePolicyDocument|PolicyDocument|PolicyVersion|AttachedPolicies|PolicyNames|Role)[\"']?\\s*:");

  /** A resource type of a template: {@code Type: AWS::IAM::Role}, {@code "Type": "Custom::X"}. */
  private static final Pattern RESOURCE_TYPE =
      Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?(AWS|Custom|Alexa)::");

  /** A call of the AWS CLI in a script: {@code aws iam …}, {@code $(aws eks …)}. */
  private static final Pattern AWS_CALL = Pattern.compile("(^|[\\s;&|(`])aws\\s+[-a-z0-9]+");

  private PolicyInputSignal() {}

  /**
   * @param fileName the file's name (the last element is enough)
   * @param head the file's first bytes, one char per byte (ISO-8859-1), at most {@link #HEAD_BYTES}
   */
  public static boolean claims(String fileName, String head) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    String name = base.toLowerCase(Locale.ROOT);
    if (name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".tfvars.json")) {
      return true;
    }
    if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template")
        || name.endsWith(".tmpl")) {
      return DOCUMENT_KEY.matcher(head).find() || RESOURCE_TYPE.matcher(head).find();
    }
    boolean script = ShellFormat.hasScriptExtension(base)
        || (ShellFormat.mayHaveShebang(base) && ShellFormat.isShebang(firstLine(head)));
    return script && AWS_CALL.matcher(head).find();
  }

  private static String firstLine(String head) {
    int eol = 0;
    while (eol < head.length() && eol < 256 && head.charAt(eol) != '\n' && head.charAt(eol) != '\r') {
      eol++;
    }
    return head.substring(0, eol);
  }
}

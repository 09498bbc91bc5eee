package dev.polygraph.policy;

import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.Set;

/**
 * Recognises the service principals of EC2 and EKS in every partition (see {@code
 * reference/partitions.md} §2): {@code ec2.amazonaws.com} is right everywhere, and the
 * partition-specific spellings that eksctl writes are right too. A principal whose service part is
 * written and whose suffix is not known ({@code ec2.${AWS::URLSuffix}}, {@code ec2.${var.dns_suffix}},
 * {@code ec2.${data.aws_partition.current.dns_suffix}}) is that service in some partition.
 */
public final class ServicePrincipals {

  private static final Set<String> EC2 =
      Set.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn", "ec2.c2s.ic.gov", "ec2.sc2s.sgov.gov");
  private static final Set<String> EKS = Set.of("eks.amazonaws.com", "eks.amazonaws.com.cn");

  /** Stands for a value no spelling contains. */
  private static final String NEVER = "\u0000";

  private ServicePrincipals() {}

  /** Whether {@code principal} is the EC2 service: a known spelling, or {@code ec2.} and a suffix not known. */
  public static boolean isEc2(Value principal) {
    return is(principal, "ec2.", EC2);
  }

  /** Whether {@code principal} is the EKS service: {@code eks.amazonaws.com} or {@code eks.} and a suffix not known. */
  public static boolean isEks(Value principal) {
    return is(principal, "eks.", EKS);
  }

  /**
   * Whether {@code principal} may be the EC2 service, though it is not known to be: a text whose
   * unknown parts could spell it ({@code ${var.service}}, {@code ${var.prefix}.amazonaws.com}).
   */
  public static boolean mayBeEc2(Value principal) {
    return !isEc2(principal) && couldSpell(principal, "ec2.");
  }

  private static boolean is(Value principal, String service, Set<String> spellings) {
    if (!(principal instanceof Text text)) {
      return false;
    }
    if (text.literal().isPresent()) {
      return spellings.contains(text.literal().get());
    }
    // The service is written; only the partition's DNS suffix is left to the deployment.
    return !text.parts().isEmpty()
        && text.parts().get(0) instanceof Text.Literal first
        && first.text().startsWith(service)
        && couldSpell(text, service);
  }

  /**
   * Whether the text's unknown parts could make it the service's principal in some partition: the
   * pseudo parameters stand for that partition's values, any other symbol for anything; the
   * principal is {@code service.amazonaws.com} or the service and the partition's DNS suffix.
   */
  private static boolean couldSpell(Value principal, String service) {
    if (!(principal instanceof Text text) || text.literal().isPresent()) {
      return false;
    }
    for (Partition p : Partition.values()) {
      String pattern = text.render(symbol -> standIn(symbol, p));
      if (WildcardMatcher.matches(pattern, service + Partition.AWS.dnsSuffix(), false)
          || WildcardMatcher.matches(pattern, service + p.dnsSuffix(), false)) {
        return true;
      }
    }
    return false;
  }

  private static String standIn(Symbol symbol, Partition p) {
    if (symbol instanceof Symbol.Pseudo pseudo) {
      return switch (pseudo.kind()) {
        case URL_SUFFIX -> p.dnsSuffix();
        case PARTITION -> p.arnName();
        default -> NEVER; // an account, a region or a stack name is no part of a service's name
      };
    }
    return "*";
  }
}

package dev.polygraph.policy;

import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Set;

/**
 * Recognises the service principals of EC2 and EKS in every partition (see {@code
 * reference/partitions.md} §2): {@code ec2.amazonaws.com} is right everywhere, and the
 * partition-specific spellings that eksctl writes are right too.
 */
public final class ServicePrincipals {

  private static final Set<String> EC2 =
      Set.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn", "ec2.c2s.ic.gov", "ec2.sc2s.sgov.gov");
  private static final Set<String> EKS = Set.of("eks.amazonaws.com");

  private ServicePrincipals() {}

  /** Whether {@code principal} is the EC2 service: a known spelling or {@code ec2.${AWS::URLSuffix}}. */
  public static boolean isEc2(Value principal) {
    return is(principal, "ec2.", EC2);
  }

  /** Whether {@code principal} is the EKS service: {@code eks.amazonaws.com} or {@code eks.${AWS::URLSuffix}}. */
  public static boolean isEks(Value principal) {
    return is(principal, "eks.", EKS);
  }

  private static boolean is(Value principal, String prefix, Set<String> spellings) {
    if (!(principal instanceof Text text)) {
      return false;
    }
    if (text.literal().filter(spellings::contains).isPresent()) {
      return true;
    }
    List<Text.Part> parts = text.parts();
    return parts.size() == 2
        && parts.get(0).equals(new Text.Literal(prefix))
        && parts.get(1).equals(new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.URL_SUFFIX)));
  }
}

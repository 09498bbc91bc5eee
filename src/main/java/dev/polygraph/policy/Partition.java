package dev.polygraph.policy;

import java.util.Optional;

/**
 * The AWS partitions, with their ARN name and DNS suffix (from the AWS SDKs' shared partitions
 * file; see {@code reference/partitions.md}).
 */
public enum Partition {
  AWS("aws", "amazonaws.com"),
  AWS_CN("aws-cn", "amazonaws.com.cn"),
  AWS_US_GOV("aws-us-gov", "amazonaws.com"),
  AWS_ISO("aws-iso", "c2s.ic.gov"),
  AWS_ISO_B("aws-iso-b", "sc2s.sgov.gov"),
  AWS_ISO_E("aws-iso-e", "cloud.adc-e.uk"),
  AWS_ISO_F("aws-iso-f", "csp.hci.ic.gov"),
  AWS_EUSC("aws-eusc", "amazonaws.eu");

  private final String arnName;
  private final String dnsSuffix;

  Partition(String arnName, String dnsSuffix) {
    this.arnName = arnName;
    this.dnsSuffix = dnsSuffix;
  }

  /** As written in ARNs: {@code arn:aws-cn:…}. */
  public String arnName() {
    return arnName;
  }

  /** What {@code AWS::URLSuffix} is in this partition. */
  public String dnsSuffix() {
    return dnsSuffix;
  }

  /** The partition an ARN names ("aws-us-gov"), exactly as IAM spells it. */
  public static Optional<Partition> byArnName(String name) {
    for (Partition p : values()) {
      if (p.arnName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}

package dev.polygraph.load.cfn;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.Map;

/** CloudFormation's pseudo parameters: symbols, unless the options pin them to a value. */
final class PseudoParameters {

  /**
   * The DNS suffix of each partition (AWS SDK partitions data); any other partition is
   * amazonaws.com.
   */
  private static final Map<String, String> URL_SUFFIXES =
      Map.of(
          "aws-cn", "amazonaws.com.cn",
          "aws-iso", "c2s.ic.gov",
          "aws-iso-b", "sc2s.sgov.gov",
          "aws-iso-e", "cloud.adc-e.uk",
          "aws-iso-f", "csp.hci.ic.gov",
          "aws-eusc", "amazonaws.eu");

  private final CfnOptions options;

  PseudoParameters(CfnOptions options) {
    this.options = options;
  }

  static boolean isPseudo(String name) {
    return name.startsWith("AWS::");
  }

  Value value(String name, Span span) {
    if ("AWS::NoValue".equals(name)) {
      return new Absent(span);
    }
    PseudoKind kind = kind(name);
    if (kind == null) {
      return new Unknown("'" + name + "' is not a pseudo parameter", span);
    }
    String pinned = options.parameters().get(name);
    if (pinned != null && kind != PseudoKind.NOTIFICATION_ARNS) {
      return Text.of(pinned, span);
    }
    if (kind == PseudoKind.URL_SUFFIX) {
      String partition = options.parameters().get(PseudoKind.PARTITION.cfnName());
      if (partition != null) {
        return Text.of(URL_SUFFIXES.getOrDefault(partition, "amazonaws.com"), span);
      }
    }
    if (kind == PseudoKind.NOTIFICATION_ARNS) {
      return new Unknown("AWS::NotificationARNs is known only when the stack is deployed", span);
    }
    return Text.of(new Symbol.Pseudo(kind), span);
  }

  private static PseudoKind kind(String name) {
    for (PseudoKind k : PseudoKind.values()) {
      if (k.cfnName().equals(name)) {
        return k;
      }
    }
    return null;
  }
}

package dev.polygraph.tree;

import java.util.Map;
import java.util.Optional;

/**
 * CloudFormation's YAML short forms and the long-form keys they stand for: {@code !Ref x} is
 * {@code {Ref: x}}, {@code !Sub s} is {@code {"Fn::Sub": s}}.
 */
final class ShortFormTags {
  private static final Map<String, String> LONG_FORMS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          fn("Sub"),
          fn("GetAtt"),
          fn("Join"),
          fn("If"),
          fn("Select"),
          fn("Split"),
          fn("FindInMap"),
          fn("ImportValue"),
          fn("Base64"),
          fn("Cidr"),
          fn("GetAZs"),
          fn("Equals"),
          fn("And"),
          fn("Or"),
          fn("Not"),
          fn("Transform"),
          fn("Length"),
          fn("ToJsonString"));

  private ShortFormTags() {}

  /** The long-form key for a tag as written (e.g. "!GetAtt" gives "Fn::GetAtt"). */
  static Optional<String> longForm(String tag) {
    return Optional.ofNullable(LONG_FORMS.get(tag));
  }

  private static Map.Entry<String, String> fn(String name) {
    return Map.entry("!" + name, "Fn::" + name);
  }
}

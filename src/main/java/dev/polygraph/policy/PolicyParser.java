package dev.polygraph.policy;

import dev.polygraph.value.Value;

/** Reads an IAM policy document from an evaluated value (JSON object, YAML map, jsonencode). */
public final class PolicyParser {

  private PolicyParser() {}

  /**
   * The document in {@code value}, its statements expanded over the conditions inside it. Never
   * throws on bad input: what cannot be read is left out and listed in {@link
   * PolicyDocument#problems()}.
   *
   * @param name what messages call the document
   */
  public static PolicyDocument parse(String name, Value value) {
    throw new UnsupportedOperationException("PolicyParser is being written");
  }
}

package dev.polygraph.load.tf;

import dev.polygraph.value.Value;

/** CONTRACT SKELETON (tf-base branch only): implemented by the resources helper. */
public final class PolicyDocumentData {

  private PolicyDocumentData() {}

  /**
   * The policy a {@code data "aws_iam_policy_document"} instance describes, as a structure
   * ({@code Version}, {@code Statement} list of maps in IAM JSON's element names) whose values keep
   * the spans of the arguments they came from.
   */
  public static Value document(TfInstance instance) {
    throw new UnsupportedOperationException("resources not merged yet");
  }
}

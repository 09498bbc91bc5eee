package dev.polygraph.report;

import java.util.Objects;

/**
 * Why a finding does not count: a user said so, in the source next to it or outside it (the config).
 * SARIF writes it as the result's {@code suppressions[0]}.
 *
 * @param justification the reason the user gave, or null when they gave none (itself a POLY002 warning)
 */
public record Suppression(Kind kind, String justification) {

  public enum Kind {
    /** A {@code polygraph:ignore} comment or CloudFormation {@code Metadata} in the scanned file. */
    IN_SOURCE("inSource"),
    /** An {@code ignore:} entry of the config file. */
    EXTERNAL("external");

    private final String sarifName;

    Kind(String sarifName) {
      this.sarifName = sarifName;
    }

    /** SARIF's name of the kind: "inSource" or "external". */
    public String sarifName() {
      return sarifName;
    }
  }

  public Suppression {
    Objects.requireNonNull(kind, "kind");
  }
}

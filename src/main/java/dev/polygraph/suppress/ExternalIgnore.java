package dev.polygraph.suppress;

import java.util.Objects;

/**
 * An {@code ignore:} entry of the config: findings of {@code ruleId} in files whose path (relative to
 * the scan root, with "/") matches {@code pathGlob} are suppressed as "external", with the reason.
 */
public record ExternalIgnore(String pathGlob, String ruleId, String reason) {
  public ExternalIgnore {
    Objects.requireNonNull(pathGlob, "pathGlob");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
  }
}

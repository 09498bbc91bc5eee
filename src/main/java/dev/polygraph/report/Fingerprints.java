package dev.polygraph.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The published form of a finding's fingerprint: the same value in SARIF's partialFingerprints and in
 * JSON output, so a baseline taken in one format matches the other.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code fingerprint}. */
  public static String sha256Hex(String fingerprint) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

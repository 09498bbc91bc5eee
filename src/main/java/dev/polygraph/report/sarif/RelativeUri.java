package dev.polygraph.report.sarif;

import java.nio.charset.StandardCharsets;

/**
 * Turns a report path ("templates/my nodes.yaml") into a relative URI reference for SARIF's
 * {@code artifactLocation.uri}. Every byte outside RFC 3986's unreserved set and "/" is
 * percent-encoded: spaces and non-ASCII names become valid URIs, and a ":" in the first segment can't
 * be read as a scheme (which would make the reference absolute).
 */
final class RelativeUri {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RelativeUri() {}

  static String of(String path) {
    StringBuilder uri = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c) || c == '/') {
        uri.append((char) c);
      } else {
        uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return uri.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}

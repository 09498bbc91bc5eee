package dev.polygraph.suppress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real fixture templates with their {@code # expect:} markers taken out, to edit in tests. */
final class Templates {
  private Templates() {}

  /** EKS001's case: 'NodeRole' trusts Lambda; its finding starts at line 29 ({@code Version:}). */
  static String lambdaTrust() throws IOException {
    return read("fixtures/EKS001/cfn/bad-trusts-lambda.yaml");
  }

  /** EKS010's case: five hard-coded ARNs, at lines 18, 36, 37, 38 and 46. */
  static String hardCodedArns() throws IOException {
    return read("fixtures/EKS010/cfn/bad-hard-coded-arns.yaml");
  }

  static String read(String fixture) throws IOException {
    return Files.readString(Path.of(fixture)).replaceAll("(?m)\\s+# expect:.*$", "");
  }

  /** {@code text} with {@code insert} (whole lines) put before its 1-based line {@code line}. */
  static String insertBefore(String text, int line, String insert) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == line - 1) {
        out.append(insert);
      }
      out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
    }
    return out.toString();
  }

  /** Line {@code line} (1-based) of {@code text} with {@code suffix} appended. */
  static String appendToLine(String text, int line, String suffix) {
    String[] lines = text.split("\n", -1);
    lines[line - 1] = lines[line - 1] + suffix;
    return String.join("\n", lines);
  }
}

package dev.polygraph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what fixtures expect. In YAML, shell and HCL ({@code .tf}, {@code .tfvars}) a comment on the
 * line where a finding starts:
 * {@code # expect: EKS003@7 'NodeRole', EKS004}; for JSON a sibling {@code NAME.json.expect} with
 * one {@code line[:col] RULE ['fragment']} per line and {@code #} comments. A marker that does not
 * parse is an error in the fixture, reported with its file and line.
 */
final class ExpectationMarkers {

  private static final Pattern COMMENT = Pattern.compile("#\\s*expect:(.*)$");
  private static final String RULE = "([A-Z]+[0-9]{3})";
  private static final String FRAGMENT = "(?:\\s+'([^']+)')?";
  private static final Pattern INLINE_ITEM =
      Pattern.compile("\\s*" + RULE + "(?:@([1-9][0-9]*))?" + FRAGMENT + "\\s*(,|$)");
  private static final Pattern EXPECT_LINE =
      Pattern.compile("([1-9][0-9]*)(?::([1-9][0-9]*))?\\s+" + RULE + FRAGMENT + "\\s*");

  private ExpectationMarkers() {}

  /** The {@code # expect:} markers of a YAML, shell or HCL file. */
  static List<Expectation> inline(String file, String text) {
    List<Expectation> expectations = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher comment = COMMENT.matcher(lines[i]);
      if (!comment.find()) {
        continue;
      }
      String items = comment.group(1);
      Matcher item = INLINE_ITEM.matcher(items);
      int at = 0;
      while (at < items.length()) {
        if (!item.find(at) || item.start() != at) {
          throw new IllegalArgumentException(
              file + ":" + (i + 1) + ": malformed expect marker: '" + items.trim() + "'");
        }
        expectations.add(
            new Expectation(file, i + 1, number(item.group(2)), item.group(1), item.group(3)));
        at = item.end();
      }
      if (at == 0) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": empty expect marker");
      }
    }
    return List.copyOf(expectations);
  }

  /**
   * The lines of a {@code .expect} file, for the file named {@code file} (the JSON file it sits
   * beside); {@code expectName} is the .expect file's own name, for errors.
   */
  static List<Expectation> expectFile(String file, String expectName, String text) {
    List<Expectation> expectations = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = EXPECT_LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            expectName + ":" + (i + 1) + ": expected 'line[:col] RULE ['fragment']', got '" + line + "'");
      }
      expectations.add(
          new Expectation(
              file, Integer.parseInt(m.group(1)), number(m.group(2)), m.group(3), m.group(4)));
    }
    return List.copyOf(expectations);
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}

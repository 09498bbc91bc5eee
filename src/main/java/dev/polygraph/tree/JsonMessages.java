package dev.polygraph.tree;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jackson's parse-error messages as sentences a template author can act on: no
 * "[Source: ...]" tails, no feature names, no "(code 125)". The position is reported separately.
 */
final class JsonMessages {
  private record Rewrite(Pattern pattern, Function<Matcher, String> sentence) {}

  private static final String CHAR = "\\((.+?) \\(code (\\d+)\\)\\)";
  private static final Pattern CONTROL_CHAR = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final Pattern HEX_CODE = Pattern.compile("\\(code (\\d+) / 0x\\p{XDigit}+\\)");
  private static final String AT = ".*?line: (\\d+), column: (\\d+)\\]\\)?";

  private static final List<Rewrite> REWRITES =
      List.of(
          rewrite(
              "Unexpected character " + CHAR + ": (?:was )?expecting a colon.*",
              m -> unexpected(m) + ": expected ':' after the key"),
          rewrite(
              "Unexpected character " + CHAR + ": was expecting comma to separate Object entries",
              m -> unexpected(m) + ": expected ',' or '}'"),
          rewrite(
              "Unexpected character " + CHAR + ": was expecting comma to separate Array entries",
              m -> unexpected(m) + ": expected ',' or ']'"),
          rewrite(
              "Unexpected character " + CHAR + ": was expecting double-quote to start field name",
              m -> unexpected(m) + ": expected a key in double quotes"),
          rewrite(
              "Unexpected character " + CHAR + ": maybe a \\(non-standard\\) comment.*",
              m -> "Comments are not allowed in JSON"),
          rewrite(
              "Unexpected character " + CHAR + ": expected a (?:valid )?value.*",
              m -> unexpected(m) + ": expected a value"),
          rewrite(
              "Unexpected character " + CHAR + " in numeric value: expected digit.*minus sign.*",
              m -> unexpected(m) + " in a number: expected a digit after '-'"),
          rewrite(
              "Unexpected character " + CHAR + " in numeric value: Decimal point not followed.*",
              m -> unexpected(m) + " in a number: expected a digit after the decimal point"),
          rewrite(
              "Unexpected character " + CHAR + " in numeric value: Exponent indicator not followed.*",
              m -> unexpected(m) + " in a number: expected a digit in the exponent"),
          rewrite(
              "Unexpected character " + CHAR + "(.*)",
              m -> unexpected(m) + cleanTail(m.group(3))),
          rewrite(
              "Unrecognized token '(.*)': was expecting .*",
              m -> "Unrecognized token '" + m.group(1) + "': expected a value"),
          rewrite(
              "Unexpected end-of-input: was expecting closing quote.*",
              m -> "Unexpected end of input: a string is not closed"),
          rewrite(
              "Unexpected end-of-input: expected close marker for (Object|Array) " + AT,
              m ->
                  "Unexpected end of input: the "
                      + noun(m.group(1))
                      + " starting at line "
                      + m.group(2)
                      + ", column "
                      + m.group(3)
                      + " is not closed"),
          rewrite(
              "Unexpected end-of-input within/between (Object|Array) entries",
              m -> "Unexpected end of input: the " + noun(m.group(1)) + " is not closed"),
          rewrite(
              "Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at "
                  + AT,
              m ->
                  "Unexpected '"
                      + m.group(1)
                      + "': expected '"
                      + m.group(2)
                      + "' to close the "
                      + noun(m.group(3))
                      + " starting at line "
                      + m.group(4)
                      + ", column "
                      + m.group(5)),
          rewrite(
              "Unexpected close marker '(.)': no open .*",
              m -> "Unexpected '" + m.group(1) + "': nothing is open to close"),
          rewrite(
              "Illegal unquoted character \\(<control> \\(code (\\d+)\\)\\).*",
              m -> "Control character (code " + m.group(1) + ") in a string: it must be escaped"),
          rewrite(
              "Illegal character \\(<control> \\(code (\\d+)\\)\\).*",
              m -> "Control character (code " + m.group(1) + ") is not allowed here"),
          rewrite(
              "Unrecognized character escape '(.+?)' \\(code \\d+\\)",
              m -> "Invalid escape sequence '\\" + m.group(1) + "' in a string"),
          rewrite(
              "Non-standard token '(.+?)'.*",
              m -> "The token '" + m.group(1) + "' is not allowed in JSON"),
          rewrite(
              "Invalid numeric value: Leading zeroes not allowed.*",
              m -> "Invalid number: leading zeroes are not allowed"),
          rewrite(
              "Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
              m -> "The JSON is nested more than " + m.group(1) + " levels deep"),
          rewrite(
              "String value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
              m -> "A string is longer than " + m.group(1) + " characters"),
          rewrite(
              "Name length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
              m -> "A key is longer than " + m.group(1) + " characters"),
          rewrite(
              "Number value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
              m -> "A number is longer than " + m.group(1) + " digits"),
          rewrite(
              "Document length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
              m -> "The file is longer than " + m.group(1) + " characters"),
          rewrite(
              "Unexpected end-of-input.*",
              m -> "Unexpected end of input"));

  private JsonMessages() {}

  /** A sentence ending with a period for Jackson's message (without its location tail). */
  static String readable(String jacksonMessage) {
    String message = jacksonMessage == null ? "" : jacksonMessage.strip();
    // One spelling for every character Jackson names: "('x' (code 120))".
    message = CONTROL_CHAR.matcher(message).replaceAll("(<control> (code $1))");
    message = HEX_CODE.matcher(message).replaceAll("(code $1)");
    for (Rewrite r : REWRITES) {
      Matcher m = r.pattern().matcher(message);
      if (m.matches()) {
        return sentence(r.sentence().apply(m));
      }
    }
    return sentence(cleanTail(message));
  }

  private static Rewrite rewrite(String regex, Function<Matcher, String> sentence) {
    return new Rewrite(Pattern.compile(regex, Pattern.DOTALL), sentence);
  }

  /** "Unexpected character '}'" or, for characters one cannot see, their code point. */
  private static String unexpected(Matcher m) {
    int code = Integer.parseInt(m.group(2));
    if (code < 0x20) {
      return "Unexpected control character (code " + code + ")";
    }
    if (!isVisible(code)) {
      return String.format("Unexpected character U+%04X", code);
    }
    return "Unexpected character " + m.group(1);
  }

  private static boolean isVisible(int code) {
    int type = Character.getType(code);
    return !Character.isWhitespace(code)
        && !Character.isSpaceChar(code)
        && type != Character.FORMAT
        && type != Character.CONTROL
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE;
  }

  private static String noun(String jacksonType) {
    return "Object".equals(jacksonType) ? "object" : "array";
  }

  /** Removes location tails and Jackson's vocabulary from a message no rewrite knows. */
  private static String cleanTail(String text) {
    return text.replaceAll("\\s*\\(?(?:start marker )?at \\[Source:.*", "")
        .replaceAll("\\s*\\(code \\d+\\)", "")
        .replace("was expecting", "expected")
        .replace("end-of-input", "end of input")
        .replace("field name", "key")
        .strip();
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "The JSON is not valid.";
    }
    String capitalised = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return capitalised.endsWith(".") ? capitalised : capitalised + ".";
  }
}

package dev.polygraph.tree;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites SnakeYAML's problem texts ("expected <block end>, but found '?'") as sentences that
 * name what a template author sees. The position is reported separately.
 */
final class YamlMessages {
  private static final List<String[]> TOKEN_NAMES =
      List.of(
          new String[] {"<block end>", "the end of the indented block"},
          new String[] {"<block mapping start>", "the start of a mapping"},
          new String[] {"<block sequence start>", "the start of a list"},
          new String[] {"'<block mapping start>'", "the start of a mapping"},
          new String[] {"'<block sequence start>'", "the start of a list"},
          new String[] {"'<block end>'", "the end of the indented block"},
          new String[] {"'<scalar>'", "a scalar"},
          new String[] {"<scalar>", "a scalar"},
          new String[] {"'<anchor>'", "an anchor"},
          new String[] {"'<alias>'", "an alias"},
          new String[] {"'<tag>'", "a tag"},
          new String[] {"<stream end>", "the end of the file"},
          new String[] {"<document start>", "'---'"},
          new String[] {"<document end>", "'...'"},
          new String[] {"'?'", "a mapping key"},
          new String[] {"'-'", "a list item"},
          new String[] {"end of stream", "end of the file"});

  private static final Pattern TAB = Pattern.compile(".*'\\\\t\\(TAB\\)' that cannot start any token.*");
  private static final Pattern CANNOT_START =
      Pattern.compile("found character '(.*)' that cannot start any token.*");
  private static final Pattern UNKNOWN_ESCAPE =
      Pattern.compile("found unknown escape character (.+)\\(\\d+\\)");
  private static final Pattern UNDEFINED_ALIAS = Pattern.compile("found undefined alias (.+)");
  private static final Pattern BARE_INDICATOR = Pattern.compile("(but found) ([\\[\\]{}:,?\\-|>!&*])$");

  private YamlMessages() {}

  /**
   * A sentence for SnakeYAML's problem text; the context ("while scanning a quoted scalar") is kept
   * only where the problem alone says too little, i.e. at the end of the file.
   */
  static String readable(String problem, String context) {
    String text = problem == null ? "" : problem.strip();
    Matcher m;
    if (TAB.matcher(text).matches()) {
      return "Tabs cannot be used for indentation in YAML.";
    }
    if ((m = CANNOT_START.matcher(text)).matches()) {
      return "The character '" + m.group(1) + "' cannot start a YAML token.";
    }
    if ((m = UNKNOWN_ESCAPE.matcher(text)).matches()) {
      return "Unknown escape sequence '\\" + m.group(1) + "' in a double-quoted string.";
    }
    if ((m = UNDEFINED_ALIAS.matcher(text)).matches()) {
      return "The alias '*" + m.group(1) + "' refers to no anchor.";
    }
    for (String[] name : TOKEN_NAMES) {
      text = text.replace(name[0], name[1]);
    }
    text = text.replace("but got", "but found");
    text = BARE_INDICATOR.matcher(text).replaceAll("$1 '$2'");
    if (text.contains("end of the file") && context != null && context.startsWith("while ")) {
      text = text + " " + context.strip();
    }
    return sentence(text);
  }

  static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "The YAML is not valid.";
    }
    String capitalised = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
    return capitalised.endsWith(".") ? capitalised : capitalised + ".";
  }
}

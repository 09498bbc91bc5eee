package dev.polygraph.suppress;

import dev.polygraph.report.Suppression;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code polygraph:ignore RULE reason} comments in the lines of a source file. It knows only
 * lines and comment markers, not the format, so YAML ({@code #}) and HCL ({@code #}, {@code //})
 * share it:
 *
 * <ul>
 *   <li>after code on a line, it covers the findings starting on that line, or in the block
 *       starting there;
 *   <li>on a line of its own, it covers the next line that is not a comment, or the block starting
 *       there (several directives may be stacked above one line).
 * </ul>
 *
 * A reason ends at a following comment marker, so a fixture can add {@code # expect: ...}.
 */
final class SuppressionComments {

  static final List<String> HASH = List.of("#");
  static final List<String> HASH_AND_SLASHES = List.of("#", "//");

  private static final String KEYWORD = "polygraph:ignore";
  private static final Pattern RULE_ID = Pattern.compile("[A-Z]+[0-9]{3}");
  private static final Pattern REASON_END = Pattern.compile("\\s(#|//)\\s");

  private SuppressionComments() {}

  static List<Directive> scan(SourceFile file, SourceBlocks blocks, List<String> markers) {
    List<Directive> directives = new ArrayList<>();
    Pattern comment = commentPattern(markers);
    int lines = file.lineCount();
    for (int line = 1; line <= lines; line++) {
      String text = file.line(line);
      if (!text.contains(KEYWORD)) {
        continue;
      }
      Matcher m = comment.matcher(text);
      boolean found = m.find();
      while (found && blocks.insideScalar(line, m.start(1) + 1)) {
        found = m.find(m.start(1) + 1);
      }
      if (!found) {
        continue;
      }
      int markerAt = m.start(1);
      boolean ownLine = text.substring(0, markerAt).isBlank();
      int target = ownLine ? nextCodeLine(file, line, markers) : line;
      Target covered =
          target > lines || file.line(target).isBlank()
              ? new Target.Lines(file.name(), target, target - 1)
              : new Target.Lines(file.name(), target, blocks.lastLine(target));
      Span span = new Span(file.name(), line, markerAt + 1, line, text.stripTrailing().length() + 1);
      directives.addAll(parse(m.group(2), span, covered));
    }
    return List.copyOf(directives);
  }

  /** {@code ID[,ID...] reason}; one directive per rule id, sharing the reason. */
  private static List<Directive> parse(String rest, Span span, Target target) {
    Matcher end = REASON_END.matcher(rest);
    String body = (end.find() ? rest.substring(0, end.start()) : rest).strip();
    String ids = body.isEmpty() ? "" : body.split("\\s+", 2)[0];
    String reason = body.length() > ids.length() ? body.substring(ids.length()).strip() : null;
    List<Directive> out = new ArrayList<>();
    for (String id : ids.split(",")) {
      boolean valid = RULE_ID.matcher(id).matches();
      out.add(
          new Directive(
              valid ? id : null,
              valid ? reason : (body.isEmpty() ? null : body),
              span,
              null,
              target,
              Suppression.Kind.IN_SOURCE));
    }
    return out;
  }

  private static int nextCodeLine(SourceFile file, int line, List<String> markers) {
    int next = line + 1;
    while (next <= file.lineCount() && isCommentOnly(file.line(next), markers)) {
      next++;
    }
    return next;
  }

  private static boolean isCommentOnly(String text, List<String> markers) {
    String t = text.stripLeading();
    return markers.stream().anyMatch(t::startsWith);
  }

  /** A marker at the start of the line or after white space, then the keyword (group 2: the rest). */
  private static Pattern commentPattern(List<String> markers) {
    StringBuilder alternatives = new StringBuilder();
    for (String marker : markers) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(marker));
    }
    return Pattern.compile("(?:^|\\s)(" + alternatives + ")\\s*" + Pattern.quote(KEYWORD) + "(?=\\s|$)(.*)$");
  }
}

package dev.polygraph.load.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One shell word after quote removal, before expansion: literal characters (each with the source
 * offset it came from, so JSON inside a word keeps its place in the script) and parameter or
 * command expansions.
 *
 * @param start the offset of the word's first character in the script
 * @param end the offset just past its last character
 */
record Word(List<Piece> pieces, int start, int end) {

  /** A part of a word. */
  sealed interface Piece permits Chars, Param, Subst {}

  /**
   * Literal characters.
   *
   * @param offsets the source offset of each character
   * @param quoted whether they were quoted (a quoted '=' makes no assignment)
   */
  record Chars(String text, int[] offsets, boolean quoted) implements Piece {}

  /**
   * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code $1}.
   *
   * @param name the parameter's name
   * @param operator what follows the name inside braces ({@code ":-x"}), or "" for none
   * @param start the offset of the {@code $}
   */
  record Param(String name, String operator, int start, int end) implements Piece {}

  /** A command substitution or arithmetic expansion: its output is never known. */
  record Subst(String text, int start, int end) implements Piece {}

  Word {
    pieces = List.copyOf(pieces);
  }

  /** The word's text when it has no expansion. */
  Optional<String> literal() {
    StringBuilder sb = new StringBuilder();
    for (Piece p : pieces) {
      if (!(p instanceof Chars c)) {
        return Optional.empty();
      }
      sb.append(c.text());
    }
    return Optional.of(sb.toString());
  }

  /** The assigned name when the word is an assignment ({@code NAME=value}, the '=' unquoted). */
  Optional<String> assignedName() {
    if (pieces.isEmpty() || !(pieces.get(0) instanceof Chars c) || c.quoted()) {
      return Optional.empty();
    }
    int eq = c.text().indexOf('=');
    if (eq <= 0 || !isName(c.text().substring(0, eq))) {
      return Optional.empty();
    }
    return Optional.of(c.text().substring(0, eq));
  }

  /** The value part of an assignment word (what follows the first '='). */
  Word assignedValue() {
    return afterFirst('=');
  }

  /**
   * What follows the first {@code c} of the word's leading characters ({@code --opt=value} gives
   * {@code value}); the word must start with characters holding {@code c}.
   */
  Word afterFirst(char c) {
    Chars first = (Chars) pieces.get(0);
    int cut = first.text().indexOf(c) + 1;
    List<Piece> rest = new ArrayList<>();
    if (cut < first.text().length()) {
      rest.add(
          new Chars(
              first.text().substring(cut),
              Arrays.copyOfRange(first.offsets(), cut, first.offsets().length),
              false));
    }
    rest.addAll(pieces.subList(1, pieces.size()));
    return new Word(rest, first.offsets()[cut - 1] + 1, end);
  }

  /** The word's leading literal characters ("" when it starts with an expansion). */
  String leadingText() {
    return !pieces.isEmpty() && pieces.get(0) instanceof Chars c ? c.text() : "";
  }

  static boolean isName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
        return false;
      }
    }
    return s.charAt(0) < 128;
  }
}

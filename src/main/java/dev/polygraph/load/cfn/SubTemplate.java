package dev.polygraph.load.cfn;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of an {@code Fn::Sub} string: literal text and {@code ${Name}} variables. {@code
 * ${!Literal}} is the literal text {@code ${Literal}}; a {@code ${} that is never closed is literal.
 */
final class SubTemplate {

  sealed interface Piece permits Literal, Variable {}

  record Literal(String text) implements Piece {}

  record Variable(String name) implements Piece {}

  private SubTemplate() {}

  static List<Piece> parse(String s) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("${", i);
      if (open < 0) {
        literal.append(s, i, s.length());
        break;
      }
      literal.append(s, i, open);
      if (open + 2 < s.length() && s.charAt(open + 2) == '!') {
        // Escaped: "${!" writes "${" and what follows is plain text.
        literal.append("${");
        i = open + 3;
        continue;
      }
      int close = s.indexOf('}', open + 2);
      if (close < 0) {
        literal.append(s, open, s.length());
        break;
      }
      if (literal.length() > 0) {
        pieces.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      pieces.add(new Variable(s.substring(open + 2, close).trim()));
      i = close + 1;
    }
    if (literal.length() > 0) {
      pieces.add(new Literal(literal.toString()));
    }
    return pieces;
  }
}

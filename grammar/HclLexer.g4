/*
 * Lexer for HCL's native syntax (hashicorp/hcl hclsyntax/spec.md).
 *
 * Newlines end attributes and blocks in bodies and separate object items, but are insignificant
 * inside parentheses, brackets, interpolations and for-expressions; the lexer tracks that nesting
 * and sends those newlines to the hidden channel. Quoted templates and heredocs have their own modes;
 * an interpolation or directive re-enters the default mode until its closing brace.
 */
lexer grammar HclLexer;

// Closing brace of an interpolation or directive; RBRACE and STRAY_STRIP_CLOSE become it in a template.
tokens { TEMPLATE_CLOSE }

@members {
  /** Deepest nesting of brackets, braces and templates accepted; deeper input is reported, not parsed. */
  public static final int MAX_NESTING = 256;

  /** One character per open construct: '{' block or object, 'f' for-object, '(' , '[', 't' template. */
  private final java.util.ArrayDeque<Character> nesting = new java.util.ArrayDeque<>();
  /** End markers of the heredocs being read, innermost first. */
  private final java.util.ArrayDeque<String> heredocMarkers = new java.util.ArrayDeque<>();
  /** The type of the last token on the default channel, to spot '{' followed by 'for'. */
  private int lastSignificantType = 0;

  @Override
  public void reset() {
    super.reset();
    nesting.clear();
    heredocMarkers.clear();
    lastSignificantType = 0;
  }

  @Override
  public void emit(org.antlr.v4.runtime.Token token) {
    super.emit(token);
    if (token.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL && token.getType() != NL) {
      lastSignificantType = token.getType();
    }
  }

  /** Thrown when brackets nest deeper than {@link #MAX_NESTING}; the parse stops there. */
  public static final class NestingTooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int line;
    public final int column;

    NestingTooDeepException(int line, int column, int limit) {
      super("nesting deeper than " + limit, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private void open(char kind) {
    if (nesting.size() >= MAX_NESTING) {
      throw new NestingTooDeepException(_tokenStartLine, _tokenStartCharPositionInLine, MAX_NESTING);
    }
    nesting.push(kind);
  }

  private void close() {
    if (!nesting.isEmpty()) {
      nesting.pop();
    }
  }

  /** A closing brace ends an interpolation or directive when one is innermost. */
  private void closeBrace(boolean strip) {
    if (!nesting.isEmpty() && nesting.peek() == 't') {
      nesting.pop();
      setType(TEMPLATE_CLOSE);
      popMode();
    } else {
      close();
      if (strip) {
        setType(STRAY_STRIP_CLOSE);
      }
    }
  }

  private boolean newlinesMatter() {
    return nesting.isEmpty() || nesting.peek() == '{';
  }

  private void forKeyword() {
    if (lastSignificantType == LBRACE && !nesting.isEmpty() && nesting.peek() == '{') {
      nesting.pop();
      nesting.push('f');
    }
  }

  private void startHeredoc() {
    String text = getText();
    int start = text.charAt(2) == '-' ? 3 : 2;
    int end = start;
    while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
      end++;
    }
    if (nesting.size() >= MAX_NESTING) {
      throw new NestingTooDeepException(_tokenStartLine, _tokenStartCharPositionInLine, MAX_NESTING);
    }
    heredocMarkers.push(text.substring(start, end));
    pushMode(HEREDOC);
  }

  /** A line holding only the current heredoc's marker (after optional indentation) ends the heredoc. */
  private boolean atHeredocEnd() {
    if (_tokenStartCharPositionInLine != 0 || heredocMarkers.isEmpty()) {
      return false;
    }
    int next = _input.LA(1);
    if (next != '\n' && next != '\r' && next != org.antlr.v4.runtime.IntStream.EOF) {
      return false;
    }
    return getText().strip().equals(heredocMarkers.peek());
  }

  private void endHeredoc() {
    heredocMarkers.pop();
    popMode();
  }
}

// ---------------------------------------------------------------------------------- default mode

// A byte order mark may open the file.
BOM           : '\uFEFF' { _tokenStartCharIndex == 0 }? -> skip ;
LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t]+ -> skip ;
// A lone carriage return is no line break in HCL (HashiCorp's scanner rejects it); it lexes as INVALID.
NL            : '\r'? '\n' { if (!newlinesMatter()) setChannel(HIDDEN); } ;

HEREDOC_START : '<<' '-'? ID_START ID_CONTINUE* ('\r'? '\n') { startHeredoc(); } ;

// More than one '.' is lexed whole, as HashiCorp's scanner does: a legacy index chain "a.0.1",
// or an invalid number such as an IP address written without quotes.
NUMBER : DIGIT+ ('.' DIGIT+)* ([eE] [+-]? DIGIT+)? ;

FOR    : 'for' { forKeyword(); } ;
IN     : 'in' ;
IF     : 'if' ;
ELSE   : 'else' ;
ENDIF  : 'endif' ;
ENDFOR : 'endfor' ;
IDENT  : ID_START ID_CONTINUE* ;

LBRACE            : '{' { open('{'); } ;
RBRACE            : '}' { closeBrace(false); } ;
STRAY_STRIP_CLOSE : '~}' { closeBrace(true); } ;
LBRACK            : '[' { open('['); } ;
RBRACK            : ']' { close(); } ;
LPAREN            : '(' { open('('); } ;
RPAREN            : ')' { close(); } ;

ELLIPSIS : '...' ;
ARROW    : '=>' ;
EQEQ     : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
AND      : '&&' ;
OR       : '||' ;
DCOLON   : '::' ;
EQ       : '=' ;
LT       : '<' ;
GT       : '>' ;
BANG     : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
QUESTION : '?' ;
COLON    : ':' ;
COMMA    : ',' ;
DOT      : '.' ;

OQUOTE : '"' -> pushMode(TEMPLATE) ;

// Any other character is one token the parser never expects, so it is reported where it stands.
INVALID : . ;

fragment DIGIT       : [0-9] ;
fragment ID_START    : [\p{L}\p{Nl}_] ;
fragment ID_CONTINUE : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-] ;

// ------------------------------------------------------------------------------ quoted templates

mode TEMPLATE;

CQUOTE              : '"' -> popMode ;
TEMPLATE_INTERP     : '${' '~'? { open('t'); pushMode(DEFAULT_MODE); } ;
TEMPLATE_DIRECTIVE  : '%{' '~'? { open('t'); pushMode(DEFAULT_MODE); } ;
TEMPLATE_ESCAPED    : '$${' | '%%{' ;
TEMPLATE_ESCAPE     : '\\' ( [nrt"\\] | 'u' HEX HEX HEX HEX | 'U' HEX HEX HEX HEX HEX HEX HEX HEX ) ;
TEMPLATE_BAD_ESCAPE : '\\' ~[\r\n]? ;
TEMPLATE_TEXT       : ~["$%\\\r\n]+ | '$' | '%' | '\r' ;
// A quoted string must close on its line; the newline ends the string so the parser reports it.
TEMPLATE_NEWLINE    : '\r'? '\n' -> popMode ;

fragment HEX : [0-9a-fA-F] ;

// ------------------------------------------------------------------------------------- heredocs

mode HEREDOC;

HEREDOC_END      : [ \t]* ID_START ID_CONTINUE* [ \t]* { atHeredocEnd() }? { endHeredoc(); } ;
HEREDOC_INTERP   : '${' '~'? { open('t'); pushMode(DEFAULT_MODE); } -> type(TEMPLATE_INTERP) ;
HEREDOC_DIRECTIVE: '%{' '~'? { open('t'); pushMode(DEFAULT_MODE); } -> type(TEMPLATE_DIRECTIVE) ;
HEREDOC_ESCAPED  : ('$${' | '%%{') -> type(TEMPLATE_ESCAPED) ;
HEREDOC_NEWLINE  : '\r'? '\n' ;
HEREDOC_TEXT     : ~[$%\r\n]+ | '$' | '%' | '\r' ;

/*
 * Parser for HCL's native syntax (hashicorp/hcl hclsyntax/spec.md). Operators are listed from the
 * tightest binding to the loosest, as in the spec's precedence table.
 */
parser grammar HclParser;

options { tokenVocab = HclLexer; }

configFile : NL* (bodyItem (NL+ bodyItem)*)? NL* EOF ;

bodyItem : attribute | block ;

attribute : identifier EQ expression ;

block : identifier blockLabel* LBRACE (NL+ (bodyItem NL+)* | attribute?) RBRACE ;

blockLabel : OQUOTE templateText* CQUOTE   # quotedLabel
           | identifier                    # bareLabel
           ;

identifier : IDENT | FOR | IN | IF | ELSE | ENDIF | ENDFOR ;

expression
  : exprTerm                                               # termExpr
  | op=(MINUS | BANG) expression                           # unaryExpr
  | expression op=(STAR | SLASH | PERCENT) expression      # binaryExpr
  | expression op=(PLUS | MINUS) expression                # binaryExpr
  | expression op=(LT | GT | LE | GE) expression           # binaryExpr
  | expression op=(EQEQ | NE) expression                   # binaryExpr
  | expression op=AND expression                           # binaryExpr
  | expression op=OR expression                            # binaryExpr
  | <assoc=right> expression QUESTION expression COLON expression  # conditionalExpr
  ;

exprTerm : primary postfix* ;

postfix
  : LBRACK expression RBRACK      # indexPostfix
  | DOT identifier                # attrPostfix
  | DOT NUMBER                    # legacyIndexPostfix
  | DOT STAR                      # attrSplatPostfix
  | LBRACK STAR RBRACK            # fullSplatPostfix
  ;

primary
  : NUMBER                                            # numberLit
  | template                                          # quotedTemplate
  | heredoc                                           # heredocTemplate
  | functionCall                                      # callExpr
  | identifier                                        # variableExpr
  | forTuple                                          # forTupleExpr
  | forObject                                         # forObjectExpr
  | tuple                                             # tupleExpr
  | object                                            # objectExpr
  | LPAREN expression RPAREN                          # parenExpr
  ;

functionCall
  : identifier (DCOLON identifier)* LPAREN (expression (COMMA expression)* (COMMA | ELLIPSIS)?)? RPAREN
  ;

tuple : LBRACK (expression (COMMA expression)* COMMA?)? RBRACK ;

object : LBRACE NL* (objectItem (objectSeparator objectItem)* objectSeparator?)? RBRACE ;

objectSeparator : COMMA NL* | NL+ ;

objectItem : expression (EQ | COLON) expression ;

forTuple : LBRACK forIntro expression forCondition? RBRACK ;

forObject : LBRACE NL* forIntro expression ARROW expression ELLIPSIS? forCondition? RBRACE ;

forIntro : FOR identifier (COMMA identifier)? IN expression COLON ;

forCondition : IF expression ;

// ----------------------------------------------------------------------------------- templates

template : OQUOTE templateItem* CQUOTE ;

heredoc : HEREDOC_START templateItem* HEREDOC_END ;

templateItem
  : templateText                                        # textItem
  | TEMPLATE_INTERP expression TEMPLATE_CLOSE           # interpolationItem
  | ifDirective                                         # ifItem
  | forDirective                                        # forItem
  ;

templateText
  : TEMPLATE_TEXT | TEMPLATE_ESCAPE | TEMPLATE_BAD_ESCAPE | TEMPLATE_ESCAPED
  | HEREDOC_TEXT | HEREDOC_NEWLINE
  ;

ifDirective
  : TEMPLATE_DIRECTIVE IF expression TEMPLATE_CLOSE templateItem*
    (TEMPLATE_DIRECTIVE ELSE TEMPLATE_CLOSE templateItem*)?
    TEMPLATE_DIRECTIVE ENDIF TEMPLATE_CLOSE
  ;

forDirective
  : TEMPLATE_DIRECTIVE FOR identifier (COMMA identifier)? IN expression TEMPLATE_CLOSE templateItem*
    TEMPLATE_DIRECTIVE ENDFOR TEMPLATE_CLOSE
  ;

package dev.polygraph.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file into a located tree with Jackson's streaming parser. The parser reads a {@link
 * StringReader}, so every offset it reports counts UTF-16 code units, as spans do.
 */
public final class JsonTreeReader {
  static final int MAX_NESTING_DEPTH = 200;
  static final int MAX_STRING_LENGTH = 1_000_000;
  static final long MAX_DOCUMENT_LENGTH = 20_000_000L;

  // Thread-safe once built; holds no per-file state.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .build())
          .build();

  private JsonTreeReader() {}

  /**
   * The tree and its problems; when the file cannot be parsed, no tree and only the one problem
   * that stopped the parser (what was noticed before it, e.g. a duplicate key, would be noise).
   */
  public static TreeResult read(SourceFile file) {
    List<InputProblem> problems = new ArrayList<>();
    JsonParser parser;
    try {
      parser = FACTORY.createParser(new StringReader(withoutByteOrderMark(file.text())));
    } catch (IOException e) {
      return failed(new InputProblem(Span.fileStart(file.name()), "The file could not be read."));
    }
    try (parser) {
      if (parser.nextToken() == null) {
        return new TreeResult(null, problems);
      }
      Node root = new Builder(parser, file, problems).value();
      if (nextTokenAfterRoot(parser) != null) {
        return failed(
            new InputProblem(
                file.pointAt(offset(parser.currentTokenLocation())),
                "Unexpected content after the end of the JSON value."));
      }
      return new TreeResult(root, problems);
    } catch (StreamConstraintsException e) {
      return failed(
          new InputProblem(
              limitPosition(e, parser, file), JsonMessages.readable(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      Span at = errorPosition(e.getLocation(), file);
      if (message.startsWith("Illegal character ((CTRL-CHAR") && at.startColumn() > 1) {
        // Jackson reports a stray control character just past it; point at the character itself.
        at = Span.point(at.file(), at.startLine(), at.startColumn() - 1);
      }
      return failed(new InputProblem(at, JsonMessages.readable(message)));
    } catch (IOException e) {
      // A StringReader cannot fail; this keeps the contract of never throwing anyway.
      return failed(new InputProblem(Span.fileStart(file.name()), "The file could not be read."));
    }
  }

  static TreeResult failed(InputProblem problem) {
    return new TreeResult(null, List.of(problem));
  }

  /**
   * Jackson reads a byte-order mark in char input as an unexpected character; a space in its place
   * keeps every offset and column where it is.
   */
  static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
  }

  /** Whatever follows the root value is an error, whether or not Jackson can tokenize it. */
  private static JsonToken nextTokenAfterRoot(JsonParser parser) throws IOException {
    try {
      return parser.nextToken();
    } catch (StreamConstraintsException e) {
      throw e; // the document length is checked as input is loaded, so it may surface only here
    } catch (JsonProcessingException e) {
      return JsonToken.NOT_AVAILABLE;
    }
  }

  /**
   * Limit violations carry no location: the token being read when the limit was hit is the best
   * place, except for the document length, which is about the file as a whole.
   */
  private static Span limitPosition(
      StreamConstraintsException e, JsonParser parser, SourceFile lines) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Document length")) {
      return lines.pointAt(0);
    }
    return errorPosition(parser.currentTokenLocation(), lines);
  }

  static Span errorPosition(JsonLocation location, SourceFile lines) {
    if (location == null || location.getCharOffset() < 0) {
      return lines.pointAt(0);
    }
    return lines.pointAt(offset(location));
  }

  static int offset(JsonLocation location) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, location.getCharOffset()));
  }

  /** Builds nodes from the parser's current token on; recursion is bounded by the nesting limit. */
  static final class Builder {
    private final JsonParser parser;
    private final SourceFile lines;
    private final List<InputProblem> problems;

    Builder(JsonParser parser, SourceFile lines, List<InputProblem> problems) {
      this.parser = parser;
      this.lines = lines;
      this.problems = problems;
    }

    Node value() throws IOException {
      JsonToken token = parser.currentToken();
      int start = offset(parser.currentTokenLocation());
      switch (token) {
        case START_OBJECT:
          return object(start);
        case START_ARRAY:
          return array(start);
        case VALUE_STRING:
          return new ScalarNode(lines.span(start, stringEnd(start)), parser.getText(), true);
        case VALUE_NULL:
          return new ScalarNode(lines.span(start, start + "null".length()), null, false);
        default:
          // Numbers and booleans keep their source text (Jackson keeps numbers verbatim).
          String text = parser.getText();
          return new ScalarNode(lines.span(start, start + text.length()), text, false);
      }
    }

    private MapNode object(int start) throws IOException {
      List<MapNode.Entry> entries = new ArrayList<>();
      Map<String, ScalarNode> firstKeys = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int keyStart = offset(parser.currentTokenLocation());
        ScalarNode key =
            new ScalarNode(lines.span(keyStart, stringEnd(keyStart)), parser.currentName(), true);
        ScalarNode first = firstKeys.putIfAbsent(key.text(), key);
        if (first != null) {
          problems.add(
              new InputProblem(
                  key.span(),
                  "Duplicate key '"
                      + key.text()
                      + "' (first defined at line "
                      + first.span().startLine()
                      + ")."));
        }
        parser.nextToken();
        entries.add(new MapNode.Entry(key, value()));
      }
      int end = offset(parser.currentTokenLocation()) + 1;
      return new MapNode(lines.span(start, end), entries);
    }

    private SeqNode array(int start) throws IOException {
      List<Node> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken();
          t != JsonToken.END_ARRAY && t != null;
          t = parser.nextToken()) {
        items.add(value());
      }
      int end = offset(parser.currentTokenLocation()) + 1;
      return new SeqNode(lines.span(start, end), items);
    }

    /**
     * The offset just past the closing quote of the string literal that starts at {@code start}.
     */
    private int stringEnd(int start) {
      String text = lines.text();
      int i = start + 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '"') {
          return i + 1;
        } else {
          i++;
        }
      }
      return text.length();
    }
  }
}

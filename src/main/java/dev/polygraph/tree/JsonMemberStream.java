package dev.polygraph.tree;

import com.fasterxml.jackson.core.JsonFactory;
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
import java.util.Set;

/**
 * Reads a large JSON object member by member, and the items of the arrays it names one by one, so
 * that only one item's located tree exists at a time (an account dump of 100 MB never becomes one
 * tree). Spans are those {@link JsonTreeReader} would give: the parser reads a {@link StringReader},
 * so offsets count UTF-16 code units.
 */
public final class JsonMemberStream {

  /** What the stream hands over, in document order. */
  public interface Handler {
    /** A member of the root object that is not streamed, as a whole. */
    void member(ScalarNode key, Node value);

    /** One item of a streamed array member. */
    void item(ScalarNode key, Node item);
  }

  // The same nesting and string limits as whole trees; the document length is what streaming is for.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(JsonTreeReader.MAX_NESTING_DEPTH)
                  .maxStringLength(JsonTreeReader.MAX_STRING_LENGTH)
                  .build())
          .build();

  private JsonMemberStream() {}

  /**
   * Streams the root object of {@code file}; the members named in {@code streamed} that hold arrays
   * are delivered item by item.
   *
   * @return the problems met: duplicate root keys, or the one error that stopped the parser (items
   *     delivered before it stay delivered)
   */
  public static List<InputProblem> read(SourceFile file, Set<String> streamed, Handler handler) {
    List<InputProblem> problems = new ArrayList<>();
    try (JsonParser parser =
        FACTORY.createParser(new StringReader(JsonTreeReader.withoutByteOrderMark(file.text())))) {
      JsonTreeReader.Builder builder = new JsonTreeReader.Builder(parser, file, problems);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problems.add(new InputProblem(file.pointAt(0), "Expected a JSON object."));
        return problems;
      }
      Map<String, ScalarNode> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int keyStart = JsonTreeReader.offset(parser.currentTokenLocation());
        String name = parser.currentName();
        ScalarNode key = new ScalarNode(file.span(keyStart, keyStart + quotedLength(file, keyStart)), name, true);
        ScalarNode first = seen.putIfAbsent(name, key);
        if (first != null) {
          problems.add(
              new InputProblem(
                  key.span(),
                  "Duplicate key '" + name + "' (first defined at line " + first.span().startLine() + ")."));
        }
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY && streamed.contains(name)) {
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
            handler.item(key, builder.value());
          }
        } else {
          handler.member(key, builder.value());
        }
      }
      if (parser.nextToken() != null) {
        problems.add(
            new InputProblem(
                file.pointAt(JsonTreeReader.offset(parser.currentTokenLocation())),
                "Unexpected content after the end of the JSON value."));
      }
    } catch (StreamConstraintsException e) {
      problems.add(new InputProblem(file.pointAt(0), JsonMessages.readable(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      problems.add(
          new InputProblem(
              JsonTreeReader.errorPosition(e.getLocation(), file),
              JsonMessages.readable(String.valueOf(e.getOriginalMessage()))));
    } catch (IOException e) {
      // A StringReader cannot fail; this keeps the contract of never throwing anyway.
      problems.add(new InputProblem(Span.fileStart(file.name()), "The file could not be read."));
    }
    return problems;
  }

  /** The length of the string literal starting at {@code start}, quotes included. */
  private static int quotedLength(SourceFile file, int start) {
    String text = file.text();
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length()) - start;
  }
}

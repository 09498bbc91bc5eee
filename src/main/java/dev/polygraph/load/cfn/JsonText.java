package dev.polygraph.load.cfn;

import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * Writes a value as compact JSON text for {@code Fn::ToJsonString}. Symbols stay symbols inside the
 * string. Every scalar is written as a JSON string: the located tree keeps scalars as text, the way
 * CloudFormation reads most properties.
 */
final class JsonText {

  private JsonText() {}

  /** Appends the JSON of {@code v} to {@code out}; returns why it cannot be written, or null. */
  static String write(Value v, List<Text.Part> out) {
    if (v instanceof Text t) {
      out.add(new Text.Literal("\""));
      for (Text.Part p : t.parts()) {
        out.add(p instanceof Text.Literal l ? new Text.Literal(escape(l.text())) : p);
      }
      out.add(new Text.Literal("\""));
      return null;
    }
    if (v instanceof ListValue list) {
      out.add(new Text.Literal("["));
      boolean first = true;
      for (Value item : list.items()) {
        if (item instanceof Absent) {
          continue;
        }
        if (!first) {
          out.add(new Text.Literal(","));
        }
        first = false;
        String problem = write(item, out);
        if (problem != null) {
          return problem;
        }
      }
      out.add(new Text.Literal("]"));
      return null;
    }
    if (v instanceof MapValue map) {
      out.add(new Text.Literal("{"));
      boolean first = true;
      for (MapValue.Entry e : map.entries()) {
        if (e.value() instanceof Absent) {
          continue;
        }
        if (!first) {
          out.add(new Text.Literal(","));
        }
        first = false;
        out.add(new Text.Literal("\"" + escape(e.key()) + "\":"));
        String problem = write(e.value(), out);
        if (problem != null) {
          return problem;
        }
      }
      out.add(new Text.Literal("}"));
      return null;
    }
    if (v instanceof Unknown u) {
      return u.reason();
    }
    return "Fn::ToJsonString of a value that is not known";
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }
}

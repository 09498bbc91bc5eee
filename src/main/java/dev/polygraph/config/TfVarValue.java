package dev.polygraph.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A {@code terraform.vars} value as {@code -var} takes it: a scalar as written (Terraform converts it
 * to the variable's type), a list or map as a JSON expression, which is valid HCL.
 */
final class TfVarValue {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private TfVarValue() {}

  static String of(Node node, String what) throws ConfigException {
    if (node instanceof ScalarNode s) {
      if (s.isNull()) {
        throw ConfigLoader.error(node.span(), what + " must have a value");
      }
      return s.text();
    }
    try {
      return JSON.writeValueAsString(json(node, what));
    } catch (JsonProcessingException e) {
      throw ConfigLoader.error(node.span(), what + " cannot be written as an expression");
    }
  }

  private static JsonNode json(Node node, String what) throws ConfigException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof SeqNode seq) {
      ArrayNode out = f.arrayNode();
      for (Node item : seq.items()) {
        out.add(json(item, what));
      }
      return out;
    }
    if (node instanceof MapNode map) {
      ObjectNode out = f.objectNode();
      for (MapNode.Entry e : map.entries()) {
        out.set(e.key().text(), json(e.value(), what));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    // Inside a list or map a plain YAML scalar keeps its YAML type; a quoted one is a string.
    if (s.isNull()) {
      return f.nullNode();
    }
    if (!s.quoted() && (s.text().equals("true") || s.text().equals("false"))) {
      return f.booleanNode(Boolean.parseBoolean(s.text()));
    }
    if (!s.quoted() && NUMBER.matcher(s.text()).matches()) {
      return f.numberNode(new BigDecimal(s.text()));
    }
    return f.textNode(s.text());
  }
}

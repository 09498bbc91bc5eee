package dev.polygraph.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One request of the differential test: identity policy documents, an optional permissions
 * boundary, and the action and resource asked about.
 *
 * @param id what the disagreement table calls the case ("E07", "G123")
 * @param what a few words on what a hand-picked case checks; "generated" otherwise
 * @param boundary the boundary document, or null when the principal has none
 */
record DiffCase(String id, String what, List<ObjectNode> identity, ObjectNode boundary, String action, String resource) {

  static final ObjectMapper JSON = new ObjectMapper();

  DiffCase {
    identity = List.copyOf(identity);
  }

  /** The case as the node script reads it. */
  ObjectNode toJson() {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    ArrayNode docs = c.putArray("identity");
    identity.forEach(docs::add);
    if (boundary == null) {
      c.putNull("boundary");
    } else {
      c.set("boundary", boundary);
    }
    c.put("action", action);
    c.put("resource", resource);
    return c;
  }

  /** The policies on one line each, for the disagreement table. */
  String policies() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < identity.size(); i++) {
      sb.append("\n      identity-").append(i).append(": ").append(identity.get(i).get("Statement"));
    }
    if (boundary != null) {
      sb.append("\n      boundary:   ").append(boundary.get("Statement"));
    }
    return sb.toString();
  }

  /** A policy document: Version 2012-10-17 and these statements. */
  static ObjectNode document(ObjectNode... statements) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("Version", "2012-10-17");
    ArrayNode list = doc.putArray("Statement");
    for (ObjectNode s : statements) {
      list.add(s);
    }
    return doc;
  }

  /**
   * A statement. {@code actionKey} is "Action" or "NotAction", {@code resourceKey} "Resource" or
   * "NotResource"; a single element is written as a string, several as a list.
   */
  static ObjectNode statement(String effect, String actionKey, List<String> actions, String resourceKey, List<String> resources) {
    ObjectNode s = JSON.createObjectNode();
    s.put("Effect", effect);
    element(s, actionKey, actions);
    element(s, resourceKey, resources);
    return s;
  }

  private static void element(ObjectNode s, String key, List<String> values) {
    if (values.size() == 1) {
      s.put(key, values.get(0));
    } else {
      ArrayNode list = s.putArray(key);
      values.forEach(list::add);
    }
  }
}

package dev.polygraph.load.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells IAM JSON inputs apart from other JSON (templates, package.json, Kubernetes manifests): a
 * bare policy document, one of the {@code aws iam} CLI outputs, or an account dump.
 */
public final class IamFormat {

  /** What an IAM JSON file is. */
  enum Kind {
    /** A bare policy document: {@code Version} and {@code Statement}. */
    POLICY_DOCUMENT,
    /** {@code aws iam get-role}: {"Role": {...}}. */
    GET_ROLE,
    /** {@code aws iam get-role-policy}: RoleName, PolicyName, PolicyDocument. */
    GET_ROLE_POLICY,
    /** {@code aws iam list-attached-role-policies}: {"AttachedPolicies": [...]}. */
    LIST_ATTACHED_ROLE_POLICIES,
    /** {@code aws iam list-role-policies}: {"PolicyNames": [...]}, names only. */
    LIST_ROLE_POLICIES,
    /** {@code aws iam get-policy}: {"Policy": {...}}. */
    GET_POLICY,
    /** {@code aws iam get-policy-version}: {"PolicyVersion": {...}}. */
    GET_POLICY_VERSION,
    /** {@code aws iam get-account-authorization-details}. */
    ACCOUNT_DUMP
  }

  /** The members of an account dump; the first one the CLI prints decides before the file is parsed. */
  static final Set<String> DUMP_ARRAYS =
      Set.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

  private static final List<String> DOCUMENT_KEYS = List.of("Version", "Id", "Statement");
  private static final JsonFactory SNIFFER = new JsonFactory();

  private IamFormat() {}

  /** Whether the file's name says it may be IAM JSON; its content decides. */
  public static boolean isCandidate(SourceFile file) {
    return file.name().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * Whether the file is an account dump, judged from its first member without parsing the rest:
   * dumps are read in streaming fashion, never as one tree.
   */
  public static boolean isAccountDump(SourceFile file) {
    if (!isCandidate(file)) {
      return false;
    }
    try (JsonParser p = SNIFFER.createParser(new StringReader(file.text()))) {
      return p.nextToken() == JsonToken.START_OBJECT
          && p.nextToken() == JsonToken.FIELD_NAME
          && DUMP_ARRAYS.contains(p.currentName())
          && p.nextToken() == JsonToken.START_ARRAY;
    } catch (IOException e) {
      return false; // not JSON at all: the tree reader reports where
    }
  }

  /** What the tree is, if it is an IAM input. */
  static Optional<Kind> kind(Node root) {
    if (!(root instanceof MapNode map)) {
      return Optional.empty();
    }
    boolean statement = map.entry("Statement").isPresent();
    if (statement
        && (map.entry("Version").isPresent()
            || map.entries().stream().allMatch(e -> DOCUMENT_KEYS.contains(e.key().text())))) {
      return Optional.of(Kind.POLICY_DOCUMENT);
    }
    if (has(map, "Role", MapNode.class)) {
      return Optional.of(Kind.GET_ROLE);
    }
    if (map.entry("RoleName").isPresent()
        && map.entry("PolicyName").isPresent()
        && map.entry("PolicyDocument").isPresent()) {
      return Optional.of(Kind.GET_ROLE_POLICY);
    }
    if (has(map, "AttachedPolicies", dev.polygraph.tree.SeqNode.class)) {
      return Optional.of(Kind.LIST_ATTACHED_ROLE_POLICIES);
    }
    if (has(map, "PolicyNames", dev.polygraph.tree.SeqNode.class)) {
      return Optional.of(Kind.LIST_ROLE_POLICIES);
    }
    if (has(map, "PolicyVersion", MapNode.class)) {
      return Optional.of(Kind.GET_POLICY_VERSION);
    }
    if (has(map, "Policy", MapNode.class)) {
      return Optional.of(Kind.GET_POLICY);
    }
    if (DUMP_ARRAYS.stream().anyMatch(k -> has(map, k, dev.polygraph.tree.SeqNode.class))) {
      return Optional.of(Kind.ACCOUNT_DUMP);
    }
    return Optional.empty();
  }

  private static boolean has(MapNode map, String key, Class<? extends Node> type) {
    return map.get(key).filter(type::isInstance).isPresent();
  }
}

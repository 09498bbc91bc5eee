package dev.polygraph.config;

import dev.polygraph.finding.Level;
import dev.polygraph.source.FileNames;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads {@code .polygraph.yaml}. Strict: an unknown key or a value of the wrong type is an
 * error naming the file, line and the allowed keys, never silently ignored.
 */
public final class ConfigLoader {

  public static final String FILE_NAME = ".polygraph.yaml";

  private static final List<String> TOP_KEYS =
      List.of("rules", "eks", "cloudformation", "terraform", "exclude", "ignore", "roles");
  private static final List<String> RULES_KEYS = List.of("skip", "level");
  private static final List<String> EKS_KEYS = List.of("ip-family", "cni-role", "node-roles");
  private static final List<String> CFN_KEYS = List.of("parameters");
  private static final List<String> TF_KEYS = List.of("var-files", "vars");
  private static final List<String> IGNORE_KEYS = List.of("path", "rule", "reason");
  private static final List<String> ROLE_KEYS = List.of("kind", "ip-family", "trust", "managed-policies", "policies");
  /** Keys of DESIGN §6 that later versions read; named in the error so users know why. */
  private static final Set<String> NOT_YET = Set.of("baseline");

  private ConfigLoader() {}

  /**
   * The config file of the first path's directory or the nearest ancestor, if any. A candidate that
   * is a symbolic link out of its own directory is passed over: a pull request must not make
   * polygraph read, and quote in its errors, a file elsewhere on the machine as its config.
   */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate) && staysIn(candidate, dir)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean staysIn(Path file, Path dir) {
    try {
      return file.toRealPath().startsWith(dir.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  public static Config load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file (" + e.getMessage() + ")");
    }
    String name = FileNames.of(file);
    TreeResult tree = YamlTreeReader.read(new SourceFile(file, name, text));
    if (!tree.problems().isEmpty()) {
      InputProblem p = tree.problems().get(0);
      throw error(p.span(), p.message());
    }
    if (tree.root() == null || (tree.root() instanceof ScalarNode s && s.isNull())) {
      return new Config(Optional.of(file), List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
          List.of(), List.of(), List.of());
    }
    MapNode root = map(tree.root(), "the config");
    checkKeys(root, TOP_KEYS, "top level");

    List<String> skip = new ArrayList<>();
    Map<String, Level> levels = new LinkedHashMap<>();
    Optional<String> ipFamily = Optional.empty();
    Optional<String> cniRole = Optional.empty();
    List<String> nodeRoles = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    List<String> exclude = new ArrayList<>();
    List<Config.Ignore> ignore = new ArrayList<>();
    List<RoleDeclaration> roles = new ArrayList<>();
    List<Path> tfVarFiles = new ArrayList<>();
    Map<String, String> tfVars = new LinkedHashMap<>();

    for (MapNode.Entry e : root.entries()) {
      switch (e.key().text()) {
        case "rules" -> {
          MapNode rules = map(e.value(), "'rules'");
          checkKeys(rules, RULES_KEYS, "'rules'");
          for (MapNode.Entry r : rules.entries()) {
            if (r.key().text().equals("skip")) {
              skip.addAll(ruleIds(strings(r.value(), "'rules.skip'")));
            } else {
              MapNode level = map(r.value(), "'rules.level'");
              for (MapNode.Entry l : level.entries()) {
                ruleIds(List.of(l.key()));
                levels.put(l.key().text(), level(l.value()));
              }
            }
          }
        }
        case "eks" -> {
          MapNode eks = map(e.value(), "'eks'");
          checkKeys(eks, EKS_KEYS, "'eks'");
          for (MapNode.Entry k : eks.entries()) {
            switch (k.key().text()) {
              case "ip-family" -> ipFamily = Optional.of(oneOf(k.value(), "'eks.ip-family'", "ipv4", "ipv6"));
              case "cni-role" -> cniRole = Optional.of(oneOf(k.value(), "'eks.cni-role'", "node", "separate"));
              default -> nodeRoles.addAll(texts(strings(k.value(), "'eks.node-roles'")));
            }
          }
        }
        case "cloudformation" -> {
          MapNode cfn = map(e.value(), "'cloudformation'");
          checkKeys(cfn, CFN_KEYS, "'cloudformation'");
          for (MapNode.Entry c : cfn.entries()) {
            MapNode p = map(c.value(), "'cloudformation.parameters'");
            for (MapNode.Entry pe : p.entries()) {
              params.put(pe.key().text(), scalar(pe.value(), "parameter '" + pe.key().text() + "'"));
            }
          }
        }
        case "terraform" -> {
          MapNode tf = map(e.value(), "'terraform'");
          checkKeys(tf, TF_KEYS, "'terraform'");
          for (MapNode.Entry t : tf.entries()) {
            if (t.key().text().equals("var-files")) {
              Path dir = file.toAbsolutePath().normalize().getParent();
              for (String f : texts(strings(t.value(), "'terraform.var-files'"))) {
                tfVarFiles.add(dir.resolve(f).normalize());
              }
            } else {
              for (MapNode.Entry v : map(t.value(), "'terraform.vars'").entries()) {
                tfVars.put(v.key().text(), TfVarValue.of(v.value(), "variable '" + v.key().text() + "'"));
              }
            }
          }
        }
        case "ignore" -> ignore.addAll(ignores(e.value()));
        case "roles" -> {
          MapNode declared = map(e.value(), "'roles'");
          checkKeys(declared, List.of(), "'roles'", true);
          for (MapNode.Entry r : declared.entries()) {
            roles.add(role(r, file));
          }
        }
        default -> exclude.addAll(texts(strings(e.value(), "'exclude'")));
      }
    }
    return new Config(Optional.of(file), skip, levels, ipFamily, cniRole, nodeRoles, params, exclude, ignore, roles,
        tfVarFiles, tfVars);
  }

  /** {@code ignore:} entries; each needs all three keys, so every suppression says why. */
  private static List<Config.Ignore> ignores(Node node) throws ConfigException {
    if (!(node instanceof SeqNode seq)) {
      throw error(node.span(), "'ignore' must be a list of {path, rule, reason} mappings");
    }
    List<Config.Ignore> out = new ArrayList<>();
    for (Node item : seq.items()) {
      MapNode entry = map(item, "an 'ignore' entry");
      checkKeys(entry, IGNORE_KEYS, "an 'ignore' entry");
      List<String> values = new ArrayList<>();
      for (String key : IGNORE_KEYS) {
        Optional<Node> value = entry.get(key);
        if (value.isEmpty()) {
          throw error(entry.span(), "an 'ignore' entry needs '" + key + "'; its keys are: "
              + String.join(", ", IGNORE_KEYS));
        }
        String text = scalar(value.get(), "'ignore." + key + "'");
        if (text.isBlank()) {
          throw error(value.get().span(), "'ignore." + key + "' must not be empty");
        }
        values.add(text.strip());
      }
      ruleIds(List.of((ScalarNode) entry.get("rule").orElseThrow()));
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + values.get(0));
      } catch (java.util.regex.PatternSyntaxException bad) {
        throw error(entry.get("path").orElseThrow().span(), "'ignore.path' is not a valid glob (" + bad.getDescription() + ")");
      } catch (IllegalArgumentException bad) {
        throw error(entry.get("path").orElseThrow().span(), "'ignore.path' is not a valid glob");
      }
      out.add(new Config.Ignore(values.get(0), values.get(1), values.get(2)));
    }
    return out;
  }

  private static RoleDeclaration role(MapNode.Entry entry, Path file) throws ConfigException {
    String name = entry.key().text();
    String where = "role '" + name + "'";
    if (name == null || name.isEmpty() || !name.matches("[\\w+=,.@-]{1,64}")) {
      throw error(entry.key().span(), "'" + name + "' is not an IAM role name (letters, digits and +=,.@_-, at most 64)");
    }
    MapNode role = map(entry.value(), where);
    checkKeys(role, ROLE_KEYS, where);
    Optional<String> kind = Optional.empty();
    Optional<String> ipFamily = Optional.empty();
    Optional<RoleDeclaration.FileRef> trust = Optional.empty();
    List<RoleDeclaration.Item> managed = new ArrayList<>();
    List<RoleDeclaration.FileRef> policies = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    for (MapNode.Entry k : role.entries()) {
      String what = "'" + k.key().text() + "' of " + where;
      switch (k.key().text()) {
        case "kind" -> kind = Optional.of(oneOf(k.value(), what, RoleDeclaration.NODE, RoleDeclaration.CLUSTER));
        case "ip-family" -> ipFamily = Optional.of(oneOf(k.value(), what, "ipv4", "ipv6"));
        case "trust" -> trust = Optional.of(fileRef(k.value(), what, dir));
        case "managed-policies" -> {
          for (ScalarNode arn : strings(k.value(), what)) {
            if (!arn.text().matches("arn:[^:]+:iam::[^:]*:policy/.+")) {
              throw error(arn.span(), "'" + arn.text() + "' is not a managed policy ARN (arn:PARTITION:iam::ACCOUNT:policy/NAME)");
            }
            managed.add(new RoleDeclaration.Item(arn.text(), arn.span()));
          }
        }
        default -> {
          for (ScalarNode p : strings(k.value(), what)) {
            policies.add(fileRef(p, what, dir));
          }
        }
      }
    }
    if (ipFamily.isPresent() && !kind.filter(RoleDeclaration.NODE::equals).isPresent()) {
      throw error(role.get("ip-family").orElseThrow().span(), "'ip-family' of " + where + " needs 'kind: eks-node'");
    }
    return new RoleDeclaration(name, entry.key().span(), kind, ipFamily, trust, managed, policies);
  }

  private static RoleDeclaration.FileRef fileRef(Node node, String what, Path dir) throws ConfigException {
    String written = scalar(node, what);
    try {
      return new RoleDeclaration.FileRef(written, node.span(), dir.resolve(written).normalize());
    } catch (java.nio.file.InvalidPathException e) {
      throw error(node.span(), what + ": '" + written + "' is not a valid path");
    }
  }

  private static void checkKeys(MapNode map, List<String> allowed, String where) throws ConfigException {
    checkKeys(map, allowed, where, false);
  }

  /** @param anyKey whether any key is allowed (names, not keywords), so only duplicates are errors */
  private static void checkKeys(MapNode map, List<String> allowed, String where, boolean anyKey)
      throws ConfigException {
    Set<String> seen = new java.util.HashSet<>();
    for (MapNode.Entry e : map.entries()) {
      String key = e.key().text();
      if (!seen.add(String.valueOf(key))) {
        throw error(e.key().span(), "duplicate key '" + key + "' in " + where);
      }
      if (anyKey) {
        continue;
      }
      if (!allowed.contains(key)) {
        String hint =
            NOT_YET.contains(key)
                ? "'" + key + "' is not supported by this version of polygraph yet; allowed keys: "
                : "unknown key '" + key + "' in " + where + "; allowed keys: ";
        throw error(e.key().span(), hint + String.join(", ", allowed));
      }
    }
  }

  private static MapNode map(Node node, String what) throws ConfigException {
    if (node instanceof MapNode m) {
      return m;
    }
    throw error(node.span(), what + " must be a mapping");
  }

  private static List<ScalarNode> strings(Node node, String what) throws ConfigException {
    if (!(node instanceof SeqNode seq)) {
      throw error(node.span(), what + " must be a list of strings");
    }
    List<ScalarNode> out = new ArrayList<>();
    for (Node item : seq.items()) {
      if (!(item instanceof ScalarNode s) || s.isNull()) {
        throw error(item.span(), what + " must be a list of strings");
      }
      out.add(s);
    }
    return out;
  }

  private static List<String> texts(List<ScalarNode> nodes) {
    return nodes.stream().map(ScalarNode::text).toList();
  }

  private static List<String> ruleIds(List<ScalarNode> nodes) throws ConfigException {
    for (ScalarNode n : nodes) {
      if (!n.text().matches("[A-Z]+[0-9]{3}")) {
        throw error(n.span(), "'" + n.text() + "' is not a rule id (see 'polygraph rules')");
      }
    }
    return texts(nodes);
  }

  private static String scalar(Node node, String what) throws ConfigException {
    if (node instanceof ScalarNode s && !s.isNull()) {
      return s.text();
    }
    throw error(node.span(), what + " must be a string");
  }

  private static String oneOf(Node node, String what, String... allowed) throws ConfigException {
    String v = scalar(node, what).toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(v)) {
      throw error(node.span(), what + " must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  private static Level level(Node node) throws ConfigException {
    String v = oneOf(node, "a rule level", "error", "warning", "note");
    return Level.parse(v);
  }

  static ConfigException error(Span span, String message) {
    return new ConfigException(span.file() + ":" + span.startLine() + ":" + span.startColumn() + ": " + message);
  }
}

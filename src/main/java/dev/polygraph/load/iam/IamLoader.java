package dev.polygraph.load.iam;

import dev.polygraph.config.RoleDeclaration;
import dev.polygraph.graph.Declaration;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.load.PlainValues;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.ReadRefused;
import dev.polygraph.source.ReadScope;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonMemberStream;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the IAM JSON inputs of one scan into graph nodes: bare policy documents, {@code aws iam}
 * CLI outputs, account dumps (streamed) and the roles the config declares. Collects first, builds
 * once ({@link #build}), because some inputs only mean something together: the attached policies
 * listed next to a {@code get-role} output, a policy version next to its {@code get-policy}.
 */
public final class IamLoader {

  private record Bare(SourceFile file, Value document) {}

  private record Attached(String dir, List<Text> arns, Span span) {}

  private record Output(String dir, SourceFile file, MapValue value) {}

  private final List<GraphNode> nodes = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();
  private final Set<String> accountFiles = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> claimed = new HashSet<>();
  private final List<Bare> documents = new ArrayList<>();
  private final List<Output> roles = new ArrayList<>();
  private final List<Attached> attached = new ArrayList<>();
  private final List<Output> policies = new ArrayList<>();
  private final List<Output> versions = new ArrayList<>();

  /**
   * Takes a JSON file the scan has read (and that is not a template) if it is an IAM input.
   *
   * @return whether it is one
   */
  public boolean add(SourceFile file, TreeResult tree) {
    seen.add(file.name());
    Optional<IamFormat.Kind> kind = IamFormat.kind(tree.root());
    if (kind.isEmpty()) {
      return false;
    }
    accountFiles.add(file.name());
    MapValue value = (MapValue) PlainValues.of(tree.root());
    String dir = directory(file.name());
    switch (kind.get()) {
      case POLICY_DOCUMENT -> documents.add(new Bare(file, value));
      case GET_ROLE -> roles.add(new Output(dir, file, (MapValue) value.get("Role").orElseThrow()));
      case GET_ROLE_POLICY -> IamNodes.rolePolicy(file.name(), value).ifPresent(nodes::add);
      case LIST_ATTACHED_ROLE_POLICIES ->
          attached.add(new Attached(dir, IamNodes.attachedArns(value), value.entry("AttachedPolicies").orElseThrow().keySpan()));
      case GET_POLICY -> policies.add(new Output(dir, file, (MapValue) value.get("Policy").orElseThrow()));
      case GET_POLICY_VERSION -> versions.add(new Output(dir, file, (MapValue) value.get("PolicyVersion").orElseThrow()));
      case ACCOUNT_DUMP -> {
        DumpReader reader = new DumpReader(file.name());
        for (MapNode.Entry e : ((MapNode) tree.root()).entries()) {
          reader.member(e.key(), e.value());
        }
      }
      case LIST_ROLE_POLICIES -> {
        // Names only: the documents come from get-role-policy outputs, which name their role.
      }
    }
    return true;
  }

  /**
   * Reads an account dump ({@link IamFormat#isAccountDump}) item by item, so that no tree of the
   * whole dump is ever built.
   */
  public void addAccountDump(SourceFile file) {
    seen.add(file.name());
    accountFiles.add(file.name());
    problems.addAll(JsonMemberStream.read(file, IamFormat.DUMP_ARRAYS, new DumpReader(file.name())));
  }

  /**
   * Adds the roles the config declares.
   *
   * @param files the scan's file for a path (the config itself, trust and policy files), read if the
   *     scan has not read it; empty when it cannot be read
   */
  public void declare(List<RoleDeclaration> declarations, Function<Path, Optional<SourceFile>> files) {
    for (RoleDeclaration d : declarations) {
      String config = files.apply(Path.of(d.span().file())).map(SourceFile::name).orElse(d.span().file());
      accountFiles.add(config);
      Span span = in(config, d.span());
      String address = "role/" + d.name();
      PolicyDocument trust =
          d.trust().map(ref -> documentFile(ref, config, "trust policy of '" + address + "'", files)).orElse(null);
      List<Guarded<PolicyDocument>> inline = new ArrayList<>();
      for (RoleDeclaration.FileRef ref : d.policies()) {
        inline.add(IamNodes.always(documentFile(ref, config, "policy file '" + ref.written() + "'", files)));
      }
      List<Guarded<Value>> managed = new ArrayList<>();
      for (RoleDeclaration.Item arn : d.managedPolicies()) {
        managed.add(IamNodes.always(Text.of(arn.text(), in(config, arn.span()))));
      }
      nodes.add(
          new RoleNode(
              new NodeId(config, address),
              span,
              Guard.ALWAYS,
              Text.of(d.name(), span),
              trust,
              inline,
              managed,
              null,
              null,
              new Declaration(d.kind().orElse(null), d.ipFamily().orElse(null), span)));
    }
  }

  /** Adds every node to the graph; returns the problems met (unreadable files, a dump cut short). */
  public List<InputProblem> build(PolicyGraph.Builder graph) {
    Map<String, List<Output>> rolesByDir = byDir(roles);
    for (Output role : roles) {
      List<Text> arns = new ArrayList<>();
      Span listed = null;
      if (rolesByDir.get(role.dir()).size() == 1) {
        // A list-attached-role-policies output does not name its role: the one get-role beside it.
        for (Attached a : attached) {
          if (a.dir().equals(role.dir())) {
            arns.addAll(a.arns());
            listed = listed == null ? a.span() : listed;
          }
        }
      }
      IamNodes.role(role.file().name(), role.value(), arns, listed).ifPresent(nodes::add);
    }
    Map<String, List<Output>> policiesByDir = byDir(policies);
    for (Output policy : policies) {
      Optional<String> defaultVersion = policy.value().get("DefaultVersionId").flatMap(IamNodes::literal);
      for (Output version : versions) {
        Optional<String> id = version.value().get("VersionId").flatMap(IamNodes::literal);
        if (version.dir().equals(policy.dir()) && id.equals(defaultVersion) && policiesByDir.get(policy.dir()).size() == 1) {
          IamNodes.managedPolicy(policy.file().name(), policy.value(), version.value()).ifPresent(nodes::add);
          claimed.add(version.file().name());
        }
      }
    }
    for (Output version : versions) {
      if (!claimed.contains(version.file().name())) {
        version.value().get("Document").ifPresent(d -> documents.add(new Bare(version.file(), IamDocuments.document(d))));
      }
    }
    for (Bare bare : documents) {
      if (!claimed.contains(bare.file().name())) {
        nodes.add(standalone(bare));
      }
    }
    nodes.forEach(graph::add);
    accountFiles.forEach(graph::accountFile);
    return List.copyOf(problems);
  }

  /**
   * A document no role claims: kept so that the grammar checks see it, with no name (nothing can
   * attach it by name) and no roles.
   */
  private static ManagedPolicyNode standalone(Bare bare) {
    String fileName = bare.file().name().substring(bare.file().name().lastIndexOf('/') + 1);
    String what = IamDocuments.isTrustPolicy(bare.document()) ? "trust policy file '" : "policy file '";
    return new ManagedPolicyNode(
        new NodeId(bare.file().name(), "policy-file/" + fileName),
        bare.document().span(),
        Guard.ALWAYS,
        null,
        PolicyParser.parse(what + fileName + "'", bare.document()),
        List.of());
  }

  /** The document in a file the config names; unreadable ones are problems at the config entry. */
  private PolicyDocument documentFile(
      RoleDeclaration.FileRef ref, String config, String name, Function<Path, Optional<SourceFile>> files) {
    Span at = in(config, ref.span());
    Optional<SourceFile> file;
    try {
      file = files.apply(ref.path());
    } catch (ReadRefused refused) {
      String why = "The file '" + ref.written() + "' is " + ReadScope.OUTSIDE + "; polygraph does not read it.";
      problems.add(new InputProblem(at, why));
      return PolicyParser.parse(name, new Unknown(why, at));
    }
    if (file.isEmpty()) {
      String why = "The file '" + ref.written() + "' cannot be read.";
      problems.add(new InputProblem(at, why));
      return PolicyParser.parse(name, new Unknown(why, at));
    }
    claimed.add(file.get().name());
    accountFiles.add(file.get().name());
    TreeResult tree = JsonTreeReader.read(file.get());
    if (!seen.contains(file.get().name())) {
      problems.addAll(tree.problems()); // files the scan read itself have reported theirs
    }
    if (tree.root() == null) {
      return PolicyParser.parse(name, new Unknown("the file '" + ref.written() + "' holds no JSON document", at));
    }
    return PolicyParser.parse(name, PlainValues.of(tree.root()));
  }

  /** Builds the nodes of an account dump as its items arrive. */
  private final class DumpReader implements JsonMemberStream.Handler {
    private final String file;
    private final Set<String> profiles = new HashSet<>();

    DumpReader(String file) {
      this.file = file;
    }

    @Override
    public void member(ScalarNode key, Node value) {
      if (IamFormat.DUMP_ARRAYS.contains(key.text()) && value instanceof dev.polygraph.tree.SeqNode seq) {
        seq.items().forEach(item -> item(key, item));
      }
    }

    @Override
    public void item(ScalarNode key, Node item) {
      if (!(PlainValues.of(item) instanceof MapValue map)) {
        return;
      }
      if ("RoleDetailList".equals(key.text())) {
        IamNodes.role(file, map, List.of(), null).ifPresent(nodes::add);
        for (var profile : IamNodes.instanceProfiles(file, map)) {
          // Every role of a profile lists it again.
          if (profiles.add(profile.address())) {
            nodes.add(profile);
          }
        }
      } else if ("Policies".equals(key.text())) {
        IamNodes.managedPolicy(file, map, null).ifPresent(nodes::add);
      }
    }
  }

  private static Map<String, List<Output>> byDir(List<Output> outputs) {
    Map<String, List<Output>> out = new LinkedHashMap<>();
    for (Output o : outputs) {
      out.computeIfAbsent(o.dir(), k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  private static String directory(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  private static Span in(String file, Span span) {
    return new Span(file, span.startLine(), span.startColumn(), span.endLine(), span.endColumn());
  }
}

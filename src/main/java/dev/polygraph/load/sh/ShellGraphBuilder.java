package dev.polygraph.load.sh;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the AWS CLI calls of shell scripts to policy-graph nodes: {@code aws iam create-role},
 * {@code attach-role-policy}, {@code put-role-policy}, {@code put-role-permissions-boundary},
 * {@code create-policy}, {@code create-instance-profile}, {@code add-role-to-instance-profile},
 * {@code aws eks create-cluster} and {@code create-nodegroup}. What a script does to a role it
 * creates is gathered on that role; a call about a role the script does not create becomes a
 * policy node naming it, so it links to a role defined elsewhere in the scan.
 */
public final class ShellGraphBuilder {

  /**
   * What the scripts produced besides nodes.
   *
   * @param problems what could not be read, in the scripts and the JSON files they pass
   * @param inputs the names of the scripts and of every file they pass with {@code file://}
   * @param layouts each script's layout by name, for the suppress stage (parsed once, here)
   */
  public record Result(
      List<InputProblem> problems, Set<String> inputs, Map<String, ScriptLayout> layouts) {
    public Result {
      problems = List.copyOf(problems);
      inputs = Set.copyOf(inputs);
      layouts = Map.copyOf(layouts);
    }
  }

  private final Function<Path, Optional<SourceFile>> files;

  /**
   * @param files reads a file a script passes with {@code file://}, given its absolute normalized
   *     path inside the script's directory; empty when it cannot be read
   */
  public ShellGraphBuilder(Function<Path, Optional<SourceFile>> files) {
    this.files = files;
  }

  public Result build(List<SourceFile> scripts, PolicyGraph.Builder out) {
    List<InputProblem> problems = new ArrayList<>();
    Set<String> inputs = new LinkedHashSet<>();
    Map<String, ScriptLayout> layouts = new LinkedHashMap<>();
    for (SourceFile script : scripts) {
      inputs.add(script.name());
      ShellScript parsed = ShellParser.parse(script);
      problems.addAll(parsed.problems());
      layouts.put(script.name(), ScriptLayout.of(script, parsed));
      ScriptDocuments documents = new ScriptDocuments(script, files, problems, inputs);
      new ScriptBuild(parsed, documents, out).run();
    }
    return new Result(problems, inputs, layouts);
  }

  /** The calls of one script, read in order, then turned into nodes. */
  private static final class ScriptBuild {
    private static final Set<String> CONTROL_WORDS =
        Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time",
            "command", "exec", "nohup", "in", "esac");

    private final ShellScript script;
    private final ScriptDocuments documents;
    private final PolicyGraph.Builder out;
    private final ShellVariables vars;
    private final String file;
    private final Set<String> addresses = new HashSet<>();
    private final Map<String, RoleParts> roles = new LinkedHashMap<>();
    private final Map<String, ProfileParts> profiles = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    /** A call and the variables as they were when it ran. */
    private record Call(CliCall cli, ShellVariables vars) {}

    ScriptBuild(ShellScript script, ScriptDocuments documents, PolicyGraph.Builder out) {
      this.script = script;
      this.documents = documents;
      this.out = out;
      this.vars = new ShellVariables(script.file());
      this.file = script.file().name();
    }

    void run() {
      for (Command c : script.commands()) {
        command(c);
      }
      // Roles and profiles first, so that later calls find them whatever the order of the script.
      for (Call call : calls) {
        if (call.cli.is("iam", "create-role")) {
          createRole(call);
        } else if (call.cli.is("iam", "create-instance-profile")) {
          createProfile(call);
        }
      }
      for (Call call : calls) {
        other(call);
      }
      for (RoleParts r : roles.values()) {
        out.add(
            new RoleNode(
                r.id, r.span, Guard.ALWAYS, r.name, r.trust, r.inline, r.managed, null, r.boundary));
      }
      for (ProfileParts p : profiles.values()) {
        out.add(new InstanceProfileNode(p.id, p.span, Guard.ALWAYS, p.name, p.roles));
      }
    }

    private void command(Command c) {
      List<Word> words = c.words();
      int i = 0;
      while (i < words.size() && words.get(i).literal().filter(CONTROL_WORDS::contains).isPresent()) {
        i++;
      }
      int firstWord = i;
      while (i < words.size() && words.get(i).assignedName().isPresent()) {
        i++;
      }
      if (i == words.size()) {
        assign(words.subList(firstWord, words.size()));
        recordWrites(c, "");
        return;
      }
      String name = words.get(i).literal().map(s -> s.substring(s.lastIndexOf('/') + 1)).orElse("");
      List<Word> args = words.subList(i + 1, words.size());
      switch (name) {
        case "export":
        case "readonly":
        case "declare":
        case "typeset":
        case "local":
          assign(args);
          break;
        case "for":
          if (!args.isEmpty()) {
            args.get(0).literal().ifPresent(v -> vars.forget(v, "is set by a 'for' loop"));
          }
          break;
        case "read":
          for (Word w : args) {
            w.literal().filter(Word::isName).ifPresent(v -> vars.forget(v, "is read from input"));
          }
          break;
        case "aws":
          CliCall.of(words.subList(i, words.size())).ifPresent(cli -> calls.add(new Call(cli, vars.snapshot())));
          break;
        default:
          break;
      }
      recordWrites(c, name);
      if (name.equals("tee")) {
        for (Word w : args) {
          if (!w.leadingText().startsWith("-")) {
            documents.written(w, c.heredocs().isEmpty() ? null : c.heredocs().get(0), vars);
          }
        }
      }
    }

    private void assign(List<Word> words) {
      for (Word w : words) {
        Optional<String> name = w.assignedName();
        if (name.isPresent()) {
          boolean fromCommand = w.assignedValue().pieces().stream().anyMatch(Word.Subst.class::isInstance);
          if (fromCommand) {
            vars.forget(name.get(), "is set from the output of a command");
          } else {
            vars.assign(name.get(), w.assignedValue());
          }
        }
      }
    }

    /** {@code cat > F <<EOF}: F holds the here-document; any other write makes F's content unknown. */
    private void recordWrites(Command c, String program) {
      Word body = program.equals("cat") && !c.heredocs().isEmpty() ? c.heredocs().get(0) : null;
      for (Word target : c.writes()) {
        documents.written(target, body, vars);
      }
    }

    private void createRole(Call call) {
      Optional<Word> nameWord = call.cli.value("role-name");
      if (nameWord.isEmpty()) {
        return;
      }
      Text name = call.vars.text(nameWord.get());
      NodeId id = id("role/", name, call);
      PolicyDocument trust =
          call.cli.value("assume-role-policy-document")
              .map(w -> PolicyParser.parse("trust policy of '" + id.address() + "'", documents.document(w, call.vars)))
              .orElse(null);
      RoleParts r = new RoleParts(id, span(call), name, trust);
      call.cli.value("permissions-boundary").ifPresent(w -> r.boundary = Guarded.always(call.vars.text(w)));
      roles.putIfAbsent(key(name), r);
    }

    private void createProfile(Call call) {
      Optional<Word> nameWord = call.cli.value("instance-profile-name");
      if (nameWord.isEmpty()) {
        return;
      }
      Text name = call.vars.text(nameWord.get());
      profiles.putIfAbsent(key(name), new ProfileParts(id("instance-profile/", name, call), span(call), name));
    }

    private void other(Call call) {
      CliCall cli = call.cli;
      ShellVariables v = call.vars;
      if (cli.is("iam", "attach-role-policy")) {
        Optional<Word> arn = cli.value("policy-arn");
        Optional<RoleParts> role = role(cli, v);
        if (arn.isPresent() && role.isPresent()) {
          role.get().managed.add(Guarded.always(v.text(arn.get())));
        }
      } else if (cli.is("iam", "put-role-policy")) {
        putRolePolicy(call);
      } else if (cli.is("iam", "put-role-permissions-boundary")) {
        Optional<Word> arn = cli.value("permissions-boundary");
        Optional<RoleParts> role = role(cli, v);
        if (arn.isPresent() && role.isPresent()) {
          role.get().boundary = Guarded.always(v.text(arn.get()));
        }
      } else if (cli.is("iam", "create-policy")) {
        Optional<Word> nameWord = cli.value("policy-name");
        if (nameWord.isPresent()) {
          Text name = v.text(nameWord.get());
          NodeId id = id("policy/", name, call);
          out.add(new ManagedPolicyNode(id, span(call), Guard.ALWAYS, name, document(cli, v, "policy '" + name.display() + "'"), List.of()));
        }
      } else if (cli.is("iam", "add-role-to-instance-profile")) {
        Optional<Word> profile = cli.value("instance-profile-name");
        Optional<Word> roleName = cli.value("role-name");
        if (profile.isPresent() && roleName.isPresent()) {
          ProfileParts p = profiles.get(key(v.text(profile.get())));
          if (p != null) {
            p.roles.add(Guarded.always(v.text(roleName.get())));
          }
        }
      } else if (cli.is("eks", "create-cluster")) {
        cluster(call);
      } else if (cli.is("eks", "create-nodegroup")) {
        nodeGroup(call);
      }
    }

    private void putRolePolicy(Call call) {
      CliCall cli = call.cli;
      ShellVariables v = call.vars;
      Optional<Word> policyName = cli.value("policy-name");
      Optional<Word> roleName = cli.value("role-name");
      if (policyName.isEmpty() || roleName.isEmpty()) {
        return;
      }
      Text name = v.text(policyName.get());
      PolicyDocument doc = document(cli, v, "inline policy '" + name.display() + "'");
      Optional<RoleParts> role = role(cli, v);
      if (role.isPresent()) {
        role.get().inline.add(Guarded.always(doc));
      } else {
        Text roleText = v.text(roleName.get());
        NodeId id = id("role-policy/" + roleText.display() + "/", name, call);
        out.add(new InlinePolicyNode(id, span(call), Guard.ALWAYS, name, doc, List.of(Guarded.always(roleText))));
      }
    }

    private void cluster(Call call) {
      CliCall cli = call.cli;
      ShellVariables v = call.vars;
      Optional<Word> nameWord = cli.value("name");
      if (nameWord.isEmpty()) {
        return;
      }
      Text name = v.text(nameWord.get());
      Value roleArn = cli.value("role-arn").map(v::text).orElse(null);
      Value ipFamily =
          cli.value("kubernetes-network-config").map(w -> documents.structureField(w, v, "ipFamily")).orElse(null);
      Value autoMode = cli.value("compute-config").map(w -> documents.structureField(w, v, "enabled")).orElse(null);
      Value autoModeNodeRole =
          cli.value("compute-config").map(w -> documents.structureField(w, v, "nodeRoleArn")).orElse(null);
      out.add(
          new ClusterNode(
              id("cluster/", name, call), span(call), Guard.ALWAYS, name, roleArn, ipFamily, autoMode, autoModeNodeRole));
    }

    private void nodeGroup(Call call) {
      CliCall cli = call.cli;
      ShellVariables v = call.vars;
      Optional<Word> nameWord = cli.value("nodegroup-name");
      if (nameWord.isEmpty()) {
        return;
      }
      Text name = v.text(nameWord.get());
      Value cluster = cli.value("cluster-name").map(v::text).orElse(null);
      Value nodeRole = cli.value("node-role").map(v::text).orElse(null);
      Value launchTemplate =
          cli.value("launch-template")
              .map(w -> {
                Value byName = documents.structureField(w, v, "name");
                return byName != null ? byName : documents.structureField(w, v, "id");
              })
              .orElse(null);
      out.add(
          new NodeGroupNode(id("nodegroup/", name, call), span(call), Guard.ALWAYS, name, cluster, nodeRole, launchTemplate));
    }

    private PolicyDocument document(CliCall cli, ShellVariables v, String what) {
      Value doc =
          cli.value("policy-document")
              .map(w -> documents.document(w, v))
              .orElseGet(() -> new Absent(v.span(cli.start(), cli.end())));
      return PolicyParser.parse(what, doc);
    }

    /** The role created in this script that a call's {@code --role-name} names. */
    private Optional<RoleParts> role(CliCall cli, ShellVariables v) {
      return cli.value("role-name").map(w -> roles.get(key(v.text(w))));
    }

    /** Names are matched as written: the same literal, or the same unknown variable. */
    private static String key(Text name) {
      return name.parts().toString();
    }

    private NodeId id(String prefix, Text name, Call call) {
      String address = prefix + name.display();
      if (!addresses.add(address)) {
        address = address + "@" + span(call).startLine();
        addresses.add(address);
      }
      return new NodeId(file, address);
    }

    private Span span(Call call) {
      return vars.span(call.cli.start(), call.cli.end());
    }
  }

  /** A role being put together from the calls that create it and change it. */
  private static final class RoleParts {
    final NodeId id;
    final Span span;
    final Text name;
    final PolicyDocument trust;
    final List<Guarded<PolicyDocument>> inline = new ArrayList<>();
    final List<Guarded<Value>> managed = new ArrayList<>();
    Guarded<Value> boundary;

    RoleParts(NodeId id, Span span, Text name, PolicyDocument trust) {
      this.id = id;
      this.span = span;
      this.name = name;
      this.trust = trust;
    }
  }

  private static final class ProfileParts {
    final NodeId id;
    final Span span;
    final Text name;
    final List<Guarded<Value>> roles = new ArrayList<>();

    ProfileParts(NodeId id, Span span, Text name) {
      this.id = id;
      this.span = span;
      this.name = name;
    }
  }
}

package dev.polygraph.scan;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.load.cfn.CfnFormat;
import dev.polygraph.load.cfn.CfnGraphBuilder;
import dev.polygraph.load.cfn.CfnOptions;
import dev.polygraph.load.cfn.CfnTemplate;
import dev.polygraph.load.iam.IamFormat;
import dev.polygraph.load.iam.IamLoader;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyEvaluator;
import dev.polygraph.report.Notification;
import dev.polygraph.report.ScanReport;
import dev.polygraph.rules.Catalogue;
import dev.polygraph.rules.Rule;
import dev.polygraph.rules.RuleContext;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.rules.RuleMetadata;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.TreeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline of one scan: discover → load → graph → rules → sorted findings. Stateless between
 * scans; one instance per set of options.
 */
public final class Scanner {

  /** The order of findings in every report: by place, then rule, then message. */
  static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparing((Finding f) -> f.location().span())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message)
          .thenComparing(Finding::fingerprint);

  private final ScanOptions options;
  private final String toolVersion;

  public Scanner(ScanOptions options) {
    this(options, Version.current());
  }

  Scanner(ScanOptions options, String toolVersion) {
    this.options = options;
    this.toolVersion = toolVersion;
  }

  /**
   * Scans the given files and directories.
   *
   * @throws IOException when a given path does not exist or cannot be walked (usage error)
   */
  public ScanReport scan(List<Path> paths) throws IOException {
    Discovery discovery =
        new Discovery(options.root(), options.exclude(), p -> CfnFormat.isCandidate(p.getFileName().toString()));
    Discovery.Result discovered = discovery.discover(paths);
    List<Notification> notifications = new ArrayList<>(discovered.notifications());

    List<InputProblem> problems = new ArrayList<>();
    List<CfnTemplate> templates = new ArrayList<>();
    Map<String, SourceFile> files = new LinkedHashMap<>();
    IamLoader iam = new IamLoader();
    for (SourceFile file : discovered.files()) {
      files.put(file.name(), file);
      if (IamFormat.isAccountDump(file)) {
        iam.addAccountDump(file); // streamed: a dump is too large to hold as one tree
        continue;
      }
      TreeResult tree = CfnFormat.read(file);
      problems.addAll(tree.problems());
      if (tree.root() instanceof MapNode map && CfnFormat.isTemplate(map)) {
        templates.add(new CfnTemplate(file, map));
      } else if (IamFormat.isCandidate(file)) {
        iam.add(file, tree);
      }
    }
    iam.declare(options.roles(), path -> fileAt(path, discovery, files, notifications));

    PolicyGraph.Builder graph = PolicyGraph.builder();
    new CfnGraphBuilder().build(templates, new CfnOptions(options.cfnParameters()), graph);
    problems.addAll(iam.build(graph));

    List<Rule> rules = enabledRules();
    Map<String, RuleMeta> metas = new java.util.TreeMap<>();
    for (Rule rule : rules) {
      metas.put(rule.id(), RuleMetadata.load(rule.id()));
    }
    List<Finding> findings = new ArrayList<>();
    boolean successful = runRules(rules, metas, graph.build(), problems, findings, notifications);
    findings.sort(FINDING_ORDER);
    notifications.sort(Comparator.comparing(Notification::message));
    return new ScanReport(
        toolVersion,
        findings,
        List.copyOf(metas.values()),
        files,
        notifications,
        files.size(),
        successful,
        options.root().toAbsolutePath().normalize().toUri().toString());
  }

  /** The scan's file at a path the config names, read now if discovery did not. */
  private static java.util.Optional<SourceFile> fileAt(
      Path path, Discovery discovery, Map<String, SourceFile> files, List<Notification> notifications) {
    Path abs = path.toAbsolutePath().normalize();
    for (SourceFile f : files.values()) {
      if (f.path() != null && f.path().toAbsolutePath().normalize().equals(abs)) {
        return java.util.Optional.of(f);
      }
    }
    java.util.Optional<SourceFile> read = discovery.readFile(abs, notifications);
    read.ifPresent(f -> files.put(f.name(), f));
    return read;
  }

  private boolean runRules(
      List<Rule> rules,
      Map<String, RuleMeta> metas,
      PolicyGraph graph,
      List<InputProblem> problems,
      List<Finding> findings,
      List<Notification> notifications) {
    ManagedPolicies managed = ManagedPolicies.load();
    PolicyEvaluator evaluator = new PolicyEvaluator(partition());
    boolean successful = true;
    for (Rule rule : rules) {
      List<Finding> ruleFindings = new ArrayList<>();
      RuleContext context =
          new RuleContext(
              metas.get(rule.id()),
              graph,
              options.ruleSettings(),
              managed,
              evaluator,
              problems,
              ruleFindings::add);
      try {
        rule.check(context);
        findings.addAll(ruleFindings);
      } catch (RuntimeException | StackOverflowError e) {
        // A crashing rule must not take the other rules' findings with it (cfn-lint's E0002).
        successful = false;
        notifications.add(
            new Notification(
                Level.ERROR,
                "Rule " + rule.id() + " failed with an internal error: " + e + ". Please report it.",
                null));
      }
    }
    return successful;
  }

  private String partition() {
    return options.cfnParameters().getOrDefault("AWS::Partition", "aws");
  }

  List<Rule> enabledRules() {
    List<Rule> out = new ArrayList<>();
    for (Rule rule : Catalogue.all()) {
      boolean enabled = options.enabledRules().isEmpty() || options.enabledRules().contains(rule.id());
      if (enabled && !options.skippedRules().contains(rule.id())) {
        out.add(rule);
      }
    }
    return out;
  }
}

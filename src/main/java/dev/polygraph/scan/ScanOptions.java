package dev.polygraph.scan;

import dev.polygraph.config.RoleDeclaration;
import dev.polygraph.load.tf.TfOptions;
import dev.polygraph.rules.RuleSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a scan needs besides the paths: what flags and config say.
 *
 * @param root the directory findings' paths are relative to (SARIF %SRCROOT%)
 * @param enabledRules rule ids to run (empty: all)
 * @param skippedRules rule ids not to run
 * @param cfnParameters CloudFormation parameter values ({@code --cfn-param}, config), including
 *     pseudo parameters such as {@code AWS::Partition} to pin them
 * @param exclude glob patterns of paths (relative to root) not to scan
 * @param roles roles the config declares (made outside templates, e.g. with the AWS CLI)
 * @param terraform variable values for the root modules ({@code --tf-var-file}, {@code --tf-var},
 *     config {@code terraform:})
 */
public record ScanOptions(
    Path root,
    Set<String> enabledRules,
    Set<String> skippedRules,
    RuleSettings ruleSettings,
    Map<String, String> cfnParameters,
    List<String> exclude,
    List<RoleDeclaration> roles,
    TfOptions terraform) {
  public ScanOptions {
    enabledRules = Set.copyOf(enabledRules);
    skippedRules = Set.copyOf(skippedRules);
    cfnParameters = Map.copyOf(cfnParameters);
    exclude = List.copyOf(exclude);
    roles = List.copyOf(roles);
    terraform = terraform == null ? TfOptions.none() : terraform;
  }

  /** The options of a scan that tells nothing about Terraform variables. */
  public ScanOptions(
      Path root,
      Set<String> enabledRules,
      Set<String> skippedRules,
      RuleSettings ruleSettings,
      Map<String, String> cfnParameters,
      List<String> exclude,
      List<RoleDeclaration> roles) {
    this(root, enabledRules, skippedRules, ruleSettings, cfnParameters, exclude, roles, TfOptions.none());
  }

  /** The options of a scan without declared roles. */
  public ScanOptions(
      Path root,
      Set<String> enabledRules,
      Set<String> skippedRules,
      RuleSettings ruleSettings,
      Map<String, String> cfnParameters,
      List<String> exclude) {
    this(root, enabledRules, skippedRules, ruleSettings, cfnParameters, exclude, List.of());
  }

  public static ScanOptions defaults(Path root) {
    return new ScanOptions(root, Set.of(), Set.of(), RuleSettings.DEFAULTS, Map.of(), List.of());
  }
}

package dev.polygraph.scan;

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
 */
public record ScanOptions(
    Path root,
    Set<String> enabledRules,
    Set<String> skippedRules,
    RuleSettings ruleSettings,
    Map<String, String> cfnParameters,
    List<String> exclude) {
  public ScanOptions {
    enabledRules = Set.copyOf(enabledRules);
    skippedRules = Set.copyOf(skippedRules);
    cfnParameters = Map.copyOf(cfnParameters);
    exclude = List.copyOf(exclude);
  }

  public static ScanOptions defaults(Path root) {
    return new ScanOptions(root, Set.of(), Set.of(), RuleSettings.DEFAULTS, Map.of(), List.of());
  }
}

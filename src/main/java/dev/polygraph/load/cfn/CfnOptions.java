package dev.polygraph.load.cfn;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the user tells about the deployment of the templates.
 *
 * @param parameters values that override parameter defaults, by parameter name; a pseudo
 *     parameter's name ({@code AWS::Partition}, {@code AWS::Region}, {@code AWS::AccountId}, {@code
 *     AWS::StackName}, ...) pins that pseudo parameter to the value
 */
public record CfnOptions(Map<String, String> parameters) {

  public CfnOptions {
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** Nothing overridden, nothing pinned. */
  public static CfnOptions none() {
    return new CfnOptions(Map.of());
  }
}

package dev.polygraph.load.tf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user tells about the root modules' variables ({@code --tf-var-file}, {@code --tf-var},
 * config {@code terraform:}); they apply to every root module of the scan, after its own {@code
 * terraform.tfvars} and {@code *.auto.tfvars}, as Terraform orders them.
 *
 * @param varFiles {@code .tfvars} files (paths relative to the scan root), in the order given
 * @param vars variable values as {@code -var} gives them (HCL expressions, or plain strings)
 */
public record TfOptions(List<String> varFiles, Map<String, String> vars) {

  public TfOptions {
    varFiles = List.copyOf(varFiles);
    vars = java.util.Collections.unmodifiableMap(new TreeMap<>(vars));
  }

  public static TfOptions none() {
    return new TfOptions(List.of(), Map.of());
  }
}

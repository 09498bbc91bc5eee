package dev.polygraph.load.tf.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModulePathsTest {

  @Test
  void sourcesResolveAgainstTheCallingModulesDirectory() {
    assertEquals("", ModulePaths.join("examples/complete", "../.."));
    assertEquals("modules/eks-managed-node-group", ModulePaths.join("", "./modules/eks-managed-node-group"));
    assertEquals("../shared", ModulePaths.join("infra", "../../shared"));
    assertEquals("a/b", ModulePaths.join("a/./x", "../b/"));
    // Files outside the scan root are named by absolute paths.
    assertEquals("/work/eks", ModulePaths.join("/work/eks/examples/auto", "../.."));
    assertEquals("/", ModulePaths.join("/work", "../../.."));
  }

  @Test
  void pathModuleIsRelativeToTheRootModule() {
    assertEquals(".", ModulePaths.relative("env", "env"));
    assertEquals("modules/x", ModulePaths.relative("", "modules/x"));
    assertEquals("../..", ModulePaths.relative("examples/complete", ""));
    assertEquals("../../modules/x", ModulePaths.relative("examples/complete", "modules/x"));
  }

  @Test
  void filesUnderTheRootDirectoryKeepTheirAddress() {
    assertTrue(ModulePaths.isUnder("main.tf", ""));
    assertTrue(ModulePaths.isUnder("env/.terraform/modules/eks/main.tf", "env"));
    assertFalse(ModulePaths.isUnder("main.tf", "examples/complete"));
    assertFalse(ModulePaths.isUnder("envy/main.tf", "env"));
    assertFalse(ModulePaths.isUnder("../x/main.tf", ""));
    assertEquals(".", ModulePaths.display(""));
    assertEquals("a/b", ModulePaths.dirOf("a/b/main.tf"));
    assertEquals("", ModulePaths.dirOf("main.tf"));
  }

  @Test
  void onlyPathsStartingWithDotsAreLocalSources() {
    assertTrue(ModulePaths.isLocalSource("./modules/x"));
    assertTrue(ModulePaths.isLocalSource("../.."));
    assertFalse(ModulePaths.isLocalSource("terraform-aws-modules/eks/aws"));
    assertFalse(ModulePaths.isLocalSource("git::https://example.com/x.git"));
  }
}

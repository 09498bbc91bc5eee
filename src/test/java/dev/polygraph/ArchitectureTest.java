package dev.polygraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of STYLE.md: data flows one way. The parser facades and the reporters have
 * their own tests ({@code SnakeYamlConfinementTest}, {@code ReportDependenciesTest}).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.polygraph");
  }

  @Test
  void rulesSeeOnlyTheGraphNeverTheLoaders() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.rules..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.load..", "dev.polygraph.report..", "dev.polygraph.scan..",
            "dev.polygraph.cli..", "dev.polygraph.config..")
        .check(classes);
  }

  @Test
  void theGraphIsFormatNeutral() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.graph..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.load..", "dev.polygraph.tree..", "dev.polygraph.rules..",
            "dev.polygraph.report..", "dev.polygraph.scan..", "dev.polygraph.cli..")
        .check(classes);
  }

  @Test
  void policiesAndValuesSitBelowTheGraph() {
    noClasses()
        .that().resideInAnyPackage("dev.polygraph.policy..", "dev.polygraph.value..", "dev.polygraph.source..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.graph..", "dev.polygraph.load..", "dev.polygraph.rules..",
            "dev.polygraph.report..", "dev.polygraph.scan..", "dev.polygraph.cli..")
        .check(classes);
  }

  @Test
  void loadersDoNotReachDownstream() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.load..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.rules..", "dev.polygraph.report..", "dev.polygraph.scan..", "dev.polygraph.cli..")
        .check(classes);
  }

  @Test
  void onlyTheCliUsesPicocli() {
    noClasses()
        .that().resideOutsideOfPackage("dev.polygraph.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that().resideOutsideOfPackage("dev.polygraph.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.polygraph.cli..")
        .check(classes);
  }

  @Test
  void suppressionIsAStageAfterTheRulesThatRulesNeverSee() {
    noClasses()
        .that().resideInAPackage("dev.polygraph.rules..")
        .should().dependOnClassesThat().resideInAPackage("dev.polygraph.suppress..")
        .check(classes);
    noClasses()
        .that().resideInAPackage("dev.polygraph.suppress..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.polygraph.load..", "dev.polygraph.graph..", "dev.polygraph.scan..",
            "dev.polygraph.cli..", "dev.polygraph.config..")
        .check(classes);
  }
}

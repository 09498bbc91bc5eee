package dev.polygraph.load.tf.hcl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ANTLR runtime and the generated parser stay behind the parser's three classes: the facade
 * {@link HclFiles}, the error sentences {@link HclErrors} and the tree builder {@link AstBuilder}.
 */
class AntlrConfinementTest {

  private static final String GENERATED = "dev.polygraph.load.tf.parser";

  private static final List<String> PARSER_CLASSES =
      List.of(HclFiles.class.getName(), HclErrors.class.getName(), AstBuilder.class.getName());

  private static final DescribedPredicate<JavaClass> THE_FACADE =
      DescribedPredicate.describe("HclFiles, HclErrors, AstBuilder or a class nested in them",
          c -> PARSER_CLASSES.stream().anyMatch(name -> c.getName().equals(name)
              || c.getName().startsWith(name + "$")));

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.polygraph");

  @Test
  void onlyTheFacadeAndTheGeneratedParserTouchAntlr() {
    noClasses()
        .that().resideOutsideOfPackage(GENERATED)
        .and(DescribedPredicate.not(THE_FACADE))
        .should().dependOnClassesThat().resideInAPackage("org.antlr..")
        .check(classes);
  }

  @Test
  void onlyTheFacadeUsesTheGeneratedParser() {
    noClasses()
        .that().resideOutsideOfPackage(GENERATED)
        .and(DescribedPredicate.not(THE_FACADE))
        .should().dependOnClassesThat().resideInAPackage(GENERATED)
        .check(classes);
  }
}

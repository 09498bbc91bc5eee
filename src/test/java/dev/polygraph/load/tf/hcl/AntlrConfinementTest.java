package dev.polygraph.load.tf.hcl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ANTLR runtime and the generated parser stay behind one facade, {@link HclFiles}. */
class AntlrConfinementTest {

  private static final String GENERATED = "dev.polygraph.load.tf.parser";

  private static final DescribedPredicate<JavaClass> THE_FACADE =
      DescribedPredicate.describe("HclFiles or a class nested in it",
          c -> c.getName().equals(HclFiles.class.getName())
              || c.getName().startsWith(HclFiles.class.getName() + "$"));

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

package io.ordo.engine.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules: the definition model is pure Java and its packages form no cycles. */
@AnalyzeClasses(packages = "io.ordo.engine.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modelDoesNotDependOnPekko = noClasses()
      .that().resideInAPackage("io.ordo.engine.model..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.pekko..");

  @ArchTest
  static final ArchRule modelDoesNotDependOnTheRuntime = noClasses()
      .that().resideInAPackage("io.ordo.engine.model..")
      .should().dependOnClassesThat().resideInAnyPackage("io.ordo.engine.runtime..", "io.ordo.http..");

  @ArchTest
  static final ArchRule onlyTheValidationPackageParsesDefinitions = noClasses()
      .that().resideOutsideOfPackage("io.ordo.engine.model.validation..")
      .should().dependOnClassesThat().resideInAPackage("io.ordo.engine.model.validation..");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices()
      .matching("io.ordo.engine.model.(*)..").should().beFreeOfCycles();
}

package io.ordo.engine.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules: the decision logic, the state it evolves, the events and the lifecycles are
 * plain Java, so they can be tested and reasoned about without actors.
 */
@AnalyzeClasses(packages = "io.ordo.engine.runtime",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

  @ArchTest
  static final ArchRule executionCoreDoesNotDependOnPekko = noClasses()
      .that().resideInAnyPackage("io.ordo.engine.runtime.execution.logic..",
          "io.ordo.engine.runtime.execution.state..", "io.ordo.engine.runtime.execution.events..",
          "io.ordo.engine.runtime.lifecycle..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.pekko..");

  @ArchTest
  static final ArchRule executionCoreDoesNotDependOnTheEntity = noClasses()
      .that().resideInAnyPackage("io.ordo.engine.runtime.execution.logic..",
          "io.ordo.engine.runtime.execution.state..", "io.ordo.engine.runtime.execution.events..",
          "io.ordo.engine.runtime.lifecycle..")
      .should().dependOnClassesThat().haveNameMatching(
          "io\\.ordo\\.engine\\.runtime\\.execution\\.(ExecutionEntity|ExecutionRuntime)(\\$.*)?");
}

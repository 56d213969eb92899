package io.github.kalturareport.maven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plugin uses the core's public API only, so the core can change its internals without breaking it. */
@AnalyzeClasses(packages = "io.github.kalturareport.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {

    @ArchTest
    static final ArchRule noCoreInternals = noClasses().that().resideInAPackage("io.github.kalturareport.maven..")
            .should().dependOnClassesThat().resideInAPackage("io.github.kalturareport.core.internal..")
            .because("core.internal is no API (docs/architecture.md)");

    @ArchTest
    static final ArchRule simulatorOnlyForTheDryRun = noClasses().that()
            .resideInAPackage("io.github.kalturareport.maven..").and().doNotHaveSimpleName("BuiltInSimulator")
            .should().dependOnClassesThat().resideInAPackage("io.github.kalturareport.simulator..")
            .because("only the simulator=true dry run starts the simulator");
}

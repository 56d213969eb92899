package io.github.kalturareport.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The core's package rules (docs/architecture.md): one-way layers, no cycle, no Maven type, and the simulator and
 * the core independent of each other, so that a misreading of the protocol on one side is caught by the other.
 */
@AnalyzeClasses(packages = "io.github.kalturareport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "io.github.kalturareport.core";

    /** Every package of the core is its own slice, the root package (the exceptions) included. */
    private static final SliceAssignment CORE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(CORE) || pkg.startsWith(CORE + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of the core";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycle = slices().assignedFrom(CORE_PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersGoOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("exceptions").definedBy(CORE)
            .layer("catalogue").definedBy(CORE + ".report..")
            .layer("internal").definedBy(CORE + ".internal..")
            .layer("archive settings").definedBy(CORE + ".archive..")
            .layer("fetch").definedBy(CORE + ".fetch..")
            .layer("check").definedBy(CORE + ".check")
            .layer("check outputs").definedBy(CORE + ".check.output..")
            .layer("text settings").definedBy(CORE + ".config..")
            .whereLayer("exceptions").mayNotAccessAnyLayer()
            .whereLayer("catalogue").mayOnlyAccessLayers("exceptions")
            .whereLayer("internal").mayOnlyAccessLayers("exceptions", "catalogue")
            .whereLayer("archive settings").mayOnlyAccessLayers("exceptions")
            .whereLayer("fetch").mayOnlyAccessLayers("exceptions", "catalogue", "internal", "archive settings")
            .whereLayer("check").mayOnlyAccessLayers("exceptions", "catalogue", "internal", "archive settings")
            .whereLayer("check outputs").mayOnlyAccessLayers("exceptions", "catalogue", "internal", "check",
                    "archive settings")
            .whereLayer("text settings").mayOnlyAccessLayers("exceptions", "catalogue", "fetch", "check",
                    "archive settings")
            .whereLayer("text settings").mayNotBeAccessedByAnyLayer()
            .whereLayer("check outputs").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noMavenTypeInTheCore = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                    "org.eclipse.sisu..", "javax.inject..")
            .because("the core is a library for any front end; Maven words and types stay in the plugin");

    @ArchTest
    static final ArchRule coreDoesNotUseTheSimulator = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAPackage("io.github.kalturareport.simulator..")
            .because("the simulator is an independent reading of the protocol");

    @ArchTest
    static final ArchRule simulatorDoesNotUseTheCore = noClasses()
            .that().resideInAPackage("io.github.kalturareport.simulator..")
            .should().dependOnClassesThat().resideInAPackage(CORE + "..")
            .because("the simulator is an independent reading of the protocol");
}

package org.erasure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, each built only on those below it: model (physics, protocols, statistics, the model) &lt; engines
 * (langevin, fokkerplanck) &lt; methods (rare, optimize) &lt; the facade {@link Erasure} &lt; config, io (independent of each
 * other) &lt; plot &lt; sweep, claims (independent) &lt; bench (the benchmarks, which time sweeps) &lt; cli; the command line reaches the engines and rare-event methods only
 * through the facade. No package cycles. And the core of the first four layers does no I/O: The numerical core (the facade {@link Erasure}, the model, potentials, protocols, the Langevin and
 * Fokker–Planck engines, statistics, optimisation) imports no configuration, command line, file, plotting or
 * report code and none of their libraries (Jackson, picocli, XChart, progressbar, java.nio.file, java.io files);
 * the application (configuration, command line, sweeps, experiments, reports, figures) is built on it.
 */
class ArchitectureTest {

    static final String[] CORE = {"org.erasure", "org.erasure.model..", "org.erasure.physics..",
            "org.erasure.protocol..", "org.erasure.langevin..", "org.erasure.fokkerplanck..", "org.erasure.stats..",
            "org.erasure.optimize..", "org.erasure.rare..", "org.erasure.util.."};
    static final String[] APP = {"org.erasure.config..", "org.erasure.cli..", "org.erasure.io..",
            "org.erasure.plot..", "org.erasure.sweep..", "org.erasure.claims.."};

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.erasure");
    }

    /** The layers above; {@link #layers()} is also what the injected-violation test checks against. */
    static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy("org.erasure.model..", "org.erasure.physics..", "org.erasure.protocol..",
                        "org.erasure.stats..", "org.erasure.util..")
                .layer("Engines").definedBy("org.erasure.langevin..", "org.erasure.fokkerplanck..")
                .layer("Rare").definedBy("org.erasure.rare..")
                .layer("Optimize").definedBy("org.erasure.optimize..")
                .layer("Facade").definedBy("org.erasure")
                .layer("Config").definedBy("org.erasure.config..")
                .layer("Io").definedBy("org.erasure.io..")
                .layer("Plot").definedBy("org.erasure.plot..")
                .layer("Sweep").definedBy("org.erasure.sweep..")
                .layer("Claims").definedBy("org.erasure.claims..")
                .layer("Bench").definedBy("org.erasure.bench..")
                .layer("Cli").definedBy("org.erasure.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Bench").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Sweep").mayOnlyBeAccessedByLayers("Bench", "Cli")
                .whereLayer("Claims").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Plot").mayOnlyBeAccessedByLayers("Sweep", "Claims", "Bench", "Cli")
                .whereLayer("Io").mayOnlyBeAccessedByLayers("Plot", "Sweep", "Claims", "Bench", "Cli")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Sweep", "Claims", "Bench", "Cli")
                .whereLayer("Facade").mayOnlyBeAccessedByLayers("Config", "Io", "Plot", "Sweep", "Claims", "Bench",
                        "Cli")
                .whereLayer("Optimize").mayOnlyBeAccessedByLayers("Facade", "Config", "Io", "Plot", "Sweep",
                        "Claims", "Bench", "Cli")
                .whereLayer("Rare").mayOnlyBeAccessedByLayers("Optimize", "Facade", "Config", "Io", "Plot", "Sweep",
                        "Claims", "Bench")
                .whereLayer("Engines").mayOnlyBeAccessedByLayers("Rare", "Optimize", "Facade", "Config", "Io", "Plot",
                        "Sweep", "Claims", "Bench")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Engines", "Rare", "Optimize", "Facade", "Config",
                        "Io", "Plot", "Sweep", "Claims", "Bench", "Cli");
    }

    @Test
    void eachLayerIsBuiltOnlyOnTheLayersBelowIt() {
        layers().check(classes);
    }

    /** The rules are not vacuous: a model class importing the command line and io, injected, is a violation. */
    @Test
    void anInjectedUpwardImportIsCaught() {
        final JavaClasses withUpward = new ClassFileImporter().importPackages("org.erasure");
        final var result = layers().evaluate(withUpward);
        org.junit.jupiter.api.Assertions.assertTrue(result.hasViolation());
        final String report = result.getFailureReport().toString();
        org.junit.jupiter.api.Assertions.assertTrue(report.contains("UpwardImportFixture"), report);
        org.junit.jupiter.api.Assertions.assertTrue(result.getFailureReport().getDetails().stream()
                .allMatch(d -> d.contains("UpwardImportFixture") || d.contains("Test")), report);
    }

    /** Said on its own as well: the command line parses and calls the facade, config and io; it runs no engine. */
    @Test
    void theCommandLineReachesNoEngine() {
        noClasses().that().resideInAPackage("org.erasure.cli..").should().dependOnClassesThat().resideInAnyPackage(
                "org.erasure.langevin..", "org.erasure.fokkerplanck..", "org.erasure.rare..").check(classes);
    }

    /**
     * Classes with one job: no source file of src/main over 400 lines unless its class javadoc says why it is one job
     * (the words "One job"), as a numerical kernel or a registry may.
     */
    @Test
    void noClassIsOverFourHundredLinesWithoutSayingWhy() throws java.io.IOException {
        final java.util.List<String> tooLong = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                final String text = java.nio.file.Files.readString(f);
                final long lines = text.lines().count();
                if (lines > 400 && !text.contains("One job")) {
                    tooLong.add(f + " (" + lines + " lines)");
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(tooLong.isEmpty(), "over 400 lines: " + tooLong);
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching("org.erasure.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreDoesNotReachIntoTheApplication() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(APP)
                .check(classes);
    }

    @Test
    void theCoreUsesNoApplicationLibraries() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                "com.fasterxml..", "picocli..", "org.knowm..", "me.tongfei..", "java.nio.file..").check(classes);
    }

    @Test
    void theCoreDoesNoFileOrConsoleIo() {
        final DescribedPredicate<JavaClass> io = new DescribedPredicate<>("java.io files, streams and writers") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().equals("java.io") && !c.isAssignableTo(Throwable.class)
                        && !c.getName().equals("java.io.Serializable");
            }
        };
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat(io).check(classes);
    }
}

package org.erasure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two layers. The numerical core (the facade {@link Erasure}, the model, potentials, protocols, the Langevin and
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

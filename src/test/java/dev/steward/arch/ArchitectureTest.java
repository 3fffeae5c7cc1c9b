package dev.steward.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps the core pure and the composition root the only place that wires adapters and reads the clock. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.steward");

    @Test
    void coreDependsOnNoAdapter() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.steward.core..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.steward.core..", "java..", "tools.jackson..", "com.datadoghq.sketch..")
                .because("the core decides; adapters do IO and live outside dev.steward.core");
        rule.check(CLASSES);
    }

    @Test
    void coreDoesNoIo() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.steward.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.channels..", "java.net.http..", "java.sql..", "javax.net..")
                .orShould()
                .callMethod(java.nio.file.Files.class, "readString", java.nio.file.Path.class)
                .because("the core is pure: IO belongs to adapters, so the core can be tested without servers");
        rule.check(CLASSES.that(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Exception"))));
    }

    @Test
    void coreReadsNoClockAndNeverSleeps() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.steward.core..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(Thread.class, "sleep", long.class)
                .because("time is injected so tests drive it by hand: pure code takes Instant now");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootAndAdaptersReadTheClock() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("dev.steward.app..", "dev.steward.probe..", "dev.steward.demo..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(Thread.class, "sleep", long.class)
                .because("components that need time get an InstantSource from the composition root");
        rule.check(CLASSES);
    }
}

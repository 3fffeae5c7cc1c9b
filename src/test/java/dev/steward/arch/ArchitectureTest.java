package dev.steward.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
                .resideOutsideOfPackages(
                        "dev.steward.core..",
                        "java..",
                        // the JDK's MAC computation (HMAC-SHA256 of audit checkpoints): arithmetic, no IO
                        "javax.crypto..",
                        "tools.jackson..",
                        "com.datadoghq.sketch..",
                        // Commons Statistics: the Mann-Whitney U test of the canary gate, arithmetic, no IO
                        "org.apache.commons.statistics..")
                .because("the core decides; adapters do IO and live outside dev.steward.core");
        rule.check(CLASSES);
    }

    @Test
    void coreDoesNoIo() {
        DescribedPredicate<JavaClass> io = JavaClass.Predicates.resideInAnyPackage(
                        "java.io..", "java.nio.channels..", "java.net..", "java.sql..", "javax.net..")
                .or(JavaClass.Predicates.belongToAnyOf(java.nio.file.Files.class))
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("Exception")))
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(java.net.URI.class)))
                .as("IO classes (files, sockets, HTTP, JDBC; exception types, URI and Path excepted)");
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("dev.steward.core..")
                .should()
                .dependOnClassesThat(io)
                .because("the core is pure: IO belongs to adapters, so the core can be tested without servers");
        rule.check(CLASSES);
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

package dev.steward.core.series;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;

/**
 * The series store and the exposition formats are pure: no IO, and no clock of their own (retention takes the
 * caller's time), so that tests drive time by hand and the daemon decides when housekeeping runs.
 */
@AnalyzeClasses(
        packages = {"dev.steward.core.series", "dev.steward.core.exposition"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {
    @ArchTest
    static final ArchRule noIo = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.net..", "java.nio.file..", "java.nio.channels..", "java.sql..")
            .because("the core does no IO: adapters fetch and persist");

    @ArchTest
    static final ArchRule noClock = noClasses()
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .because("time comes in as a parameter: the daemon passes its clock's time to truncateBefore");
}

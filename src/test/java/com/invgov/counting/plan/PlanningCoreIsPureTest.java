package com.invgov.counting.plan;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The planner stays plain Java, so that it is tested without Spring and can run in any module or process step. */
class PlanningCoreIsPureTest {

    @Test
    void thePlannerDependsOnNoFrameworkDatabaseOrClock() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "org.camunda..",
                        "org.drools..", "org.kie..", "com.vaadin..")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("the planner takes the day to plan as an argument")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.invgov.counting.plan"));
    }
}

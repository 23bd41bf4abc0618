package com.invgov;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The import rules of STYLE.md, habit 6: one module per framework. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.invgov");

    @Test
    void onlyWorkflowImportsCamunda() {
        noClasses().that().resideOutsideOfPackage("com.invgov.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("only the workflow module talks to the engine")
                .check(CLASSES);
    }

    @Test
    void onlyRulesImportsDrools() {
        noClasses().that().resideOutsideOfPackage("com.invgov.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .because("callers use the rules module's typed API, never Drools")
                .check(CLASSES);
    }

    @Test
    void onlyViewsAndTheConsoleImportVaadin() {
        noClasses().that().resideOutsideOfPackages("com.invgov..ui..", "com.invgov.console..")
                .and().doNotHaveFullyQualifiedName("com.invgov.InvgovApplication")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("Vaadin stays in ui packages and the console shell")
                .check(CLASSES);
    }

    @Test
    void viewsCallServicesNeverTheEngineRulesOrDatabase() {
        noClasses().that().resideInAPackage("com.invgov..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.drools..", "org.kie..",
                        "org.springframework.jdbc..")
                .because("views call services, never the engine, Drools or the database")
                .check(CLASSES);
    }
}

package com.invgov.receiving;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Reading a barcode is plain Java, callable from a controller, a view or a process step alike. */
class BarcodeReadingIsPureTest {

    @Test
    void theGs1ReaderDependsOnNoFrameworkOrClock() {
        noClasses().that().haveSimpleNameStartingWith("Gs1")
                .or().haveSimpleName("InvalidBarcode").or().haveSimpleName("ApplicationIdentifier")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "com.vaadin..")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("the day of the scan is an argument")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.invgov.receiving"));
    }
}

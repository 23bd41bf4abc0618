package com.invgov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk through their public API or events; none reaches into another's internals (DESIGN §2). */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(InvgovApplication.class);

    @Test
    void modulesRespectEachOthersInternals() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

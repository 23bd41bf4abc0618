package com.invgov.system.web;

import com.invgov.database.DatabaseInfo;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.system.SystemInfo;
import com.invgov.system.SystemStatus;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/system")
class SystemController {

    private final SystemInfo info;
    private final CurrentUser user;

    SystemController(SystemInfo info, CurrentUser user) {
        this.info = info;
        this.user = user;
    }

    @GetMapping
    @Operation(summary = "Version, database, deployed processes and loaded rule sets of this node; where the database "
            + "lives (JDBC URL, data directory) only for ADMIN and AUDITOR, as in the console's System view")
    SystemStatus status() {
        SystemStatus status = info.status();
        if (user.hasAnyRole(Role.ADMIN, Role.AUDITOR)) {
            return status;
        }
        DatabaseInfo db = status.database();
        return new SystemStatus(status.version(), new DatabaseInfo(db.mode(), null, db.serverVersion(), null),
                status.processes(), status.ruleSets());
    }
}

package com.invgov.system.web;

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

    SystemController(SystemInfo info) {
        this.info = info;
    }

    @GetMapping
    @Operation(summary = "Version, database, deployed processes and loaded rule sets of this node")
    SystemStatus status() {
        return info.status();
    }
}

package com.invgov.system;

import com.invgov.database.DatabaseDescription;
import com.invgov.rules.RuleSetCatalog;
import com.invgov.workflow.ProcessCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Collects the {@link SystemStatus} from the modules that know each part. */
@Service
public class SystemInfo {

    private final DatabaseDescription database;
    private final ProcessCatalog processes;
    private final RuleSetCatalog ruleSets;
    private final String version;

    SystemInfo(DatabaseDescription database, ProcessCatalog processes, RuleSetCatalog ruleSets,
               ObjectProvider<BuildProperties> build) {
        this.database = database;
        this.processes = processes;
        this.ruleSets = ruleSets;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    public SystemStatus status() {
        return new SystemStatus(version, database.describe(), processes.latest(), ruleSets.loaded());
    }
}

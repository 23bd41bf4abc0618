package com.invgov.rules;

import com.invgov.rules.table.RuleTable;

import java.util.List;

/**
 * Rule sets as data (DESIGN §2, §6): versions, low-code tables, DRL, simulation and publishing. Reads are open to
 * every role; writes need ADMIN, and publishing a second ADMIN (four-eyes).
 */
public interface RuleSetVersions {

    List<RuleSetOverview> ruleSets();

    RuleSetOverview ruleSet(String key);

    /** Newest first, without DRL diffs. */
    List<RuleSetVersion> versions(String key);

    /** With the diff against the version before. */
    RuleSetVersion version(String key, int version);

    /**
     * Saves a DRAFT after validating the table (422 validation) or checking and compiling the DRL
     * (422 rule-compilation).
     */
    RuleSetVersion createVersion(String key, NewRuleSetVersion request);

    /** Everything {@link #createVersion} checks, without saving; returns the DRL that would be saved. */
    String check(String key, NewRuleSetVersion request);

    SimulationResult simulateLastDecisions(String key, int version, int lastDecisions);

    /** CSV with a header row of the fact's field names, one fact per line. */
    SimulationResult simulateCsv(String key, int version, String csv);

    /** Publishes the version and retires the published one; a rollback is publishing an earlier version. */
    RuleSetVersion publish(String key, int version);

    Class<? extends RuleTable> tableType(String key);

    RuleTable defaultTable(String key);

    /** The DRL the template makes of a table (validated first). */
    String drlOf(String key, RuleTable table);

    /** Whether publishing needs a second ADMIN. */
    boolean fourEyes();
}

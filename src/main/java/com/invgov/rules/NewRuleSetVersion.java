package com.invgov.rules;

import com.invgov.rules.table.RuleTable;

/**
 * A new version: either a table ({@code format = TABLE}) or DRL ({@code format = DRL}).
 *
 * @param comment why the change, shown in the history
 */
public record NewRuleSetVersion(RuleFormat format, String comment, RuleTable table, String drl) {

    public static NewRuleSetVersion table(RuleTable table, String comment) {
        return new NewRuleSetVersion(RuleFormat.TABLE, comment, table, null);
    }

    public static NewRuleSetVersion drl(String drl, String comment) {
        return new NewRuleSetVersion(RuleFormat.DRL, comment, null, drl);
    }
}

package com.invgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The MRB thresholds of {@code quality-disposition} (DESIGN §5.4): use-as-is, scrap above
 * {@code scrapValueLimit} and regulated items need MRB approval by {@code mrbRoles}.
 */
public record QualityDispositionTable(BigDecimal scrapValueLimit, List<String> mrbRoles) implements RuleTable {

    @Override
    public List<TableError> validate() {
        List<TableError> errors = new ArrayList<>();
        RuleTable.nonNegative(errors, null, "scrapValueLimit", scrapValueLimit);
        RuleTable.roles(errors, "mrbRoles", mrbRoles);
        return errors;
    }
}

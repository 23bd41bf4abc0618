package com.invgov.rules;

import java.util.List;
import java.util.stream.Collectors;

/** DRL that does not compile, with every error located by source, line and column. */
public class RuleCompilationException extends RuntimeException {

    /** One compiler message; line and column are 1-based, 0 when Drools gives none. */
    public record Error(String source, int line, int column, String message) {
        @Override
        public String toString() {
            return source + " line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
        }
    }

    private final String ruleSet;
    private final List<Error> errors;

    public RuleCompilationException(String ruleSet, List<Error> errors) {
        super("Rule set '" + ruleSet + "' does not compile:\n  "
                + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")));
        this.ruleSet = ruleSet;
        this.errors = List.copyOf(errors);
    }

    public String ruleSet() {
        return ruleSet;
    }

    public List<Error> errors() {
        return errors;
    }
}

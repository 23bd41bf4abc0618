package com.invgov.workflow;

import com.invgov.api.ValidationFailed;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a task completion's JSON fields for {@link TaskKind#complete}: a missing required field or a
 * value of the wrong type is a {@link ValidationFailed} (422) naming the field, never a 500.
 */
public final class TaskFields {

    private final Map<String, Object> fields;

    private TaskFields(Map<String, Object> fields) {
        this.fields = fields == null ? Map.of() : fields;
    }

    public static TaskFields of(Map<String, Object> fields) {
        return new TaskFields(fields);
    }

    public boolean requiredBoolean(String name) {
        return optionalBoolean(name).orElseThrow(() -> new ValidationFailed(name, "required (true or false)"));
    }

    public Optional<Boolean> optionalBoolean(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        throw new ValidationFailed(name, "must be true or false");
    }

    public String requiredString(String name, int maxLength) {
        return optionalString(name, maxLength).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ValidationFailed(name, "required"));
    }

    public Optional<String> optionalString(String name, int maxLength) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new ValidationFailed(name, "must be a string");
        }
        if (s.length() > maxLength) {
            throw new ValidationFailed(name, "at most " + maxLength + " characters");
        }
        return Optional.of(s);
    }

    /** A quantity: a JSON number (or numeric string) ≥ 0, at most 10^12, at most 6 decimals. */
    public BigDecimal requiredQuantity(String name) {
        return optionalQuantity(name).orElseThrow(() -> new ValidationFailed(name, "required"));
    }

    public Optional<BigDecimal> optionalQuantity(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        BigDecimal q;
        try {
            q = v instanceof Number || v instanceof String ? new BigDecimal(v.toString()) : null;
        } catch (NumberFormatException e) {
            q = null;
        }
        if (q == null) {
            throw new ValidationFailed(name, "must be a number");
        }
        if (q.signum() < 0 || q.compareTo(BigDecimal.TEN.pow(12)) > 0) {
            throw new ValidationFailed(name, "must be between 0 and 10^12");
        }
        if (q.stripTrailingZeros().scale() > 6) {
            throw new ValidationFailed(name, "at most 6 decimals");
        }
        return Optional.of(q);
    }
}

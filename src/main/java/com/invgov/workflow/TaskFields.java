package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.FieldProblem;
import com.invgov.api.ValidationFailed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a task completion's JSON fields for {@link TaskKind#complete}: a missing required field or a
 * value of the wrong type is a {@link ValidationFailed} (422) naming the field, never a 500; a quantity outside its
 * limits is 400 naming the field, as {@code POST /api/v1/counts} answers.
 */
public final class TaskFields {

    private static final BigDecimal MAX_QUANTITY = BigDecimal.TEN.pow(12);

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

    /** A list of strings (a count's serial numbers), each not blank and at most {@code maxLength} characters. */
    public Optional<List<String>> optionalStrings(String name, int maxItems, int maxLength) {
        Object v = fields.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            throw new ValidationFailed(name, "must be a list of strings");
        }
        if (list.size() > maxItems) {
            throw new ValidationFailed(name, "at most " + maxItems + " entries");
        }
        List<String> strings = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > maxLength) {
                throw new ValidationFailed(name + "[" + i + "]", "must be a string of 1 to " + maxLength
                        + " characters");
            }
            strings.add(s);
        }
        return Optional.of(strings);
    }

    /**
     * A quantity: a JSON number (or numeric string) ≥ 0, at most 10^12, at most 6 decimals, as {@code POST
     * /api/v1/counts} checks it (outside those limits: 400 naming the field); never rounded. Read the body with
     * exact numbers (BigDecimal), or 1e-400 arrives here as 0.
     */
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
        if (q.signum() < 0 || q.compareTo(MAX_QUANTITY) > 0) {
            throw outOfLimits(name, "must be between 0 and 10^12");
        }
        BigDecimal exact = q.stripTrailingZeros();
        if (exact.scale() > 6) {
            throw outOfLimits(name, "at most 6 decimals");
        }
        // 1E+3 and 0E-999999 are plain 1000 and 0 from here on
        return Optional.of(exact.scale() < 0 ? exact.setScale(0) : exact);
    }

    private static ApiProblem outOfLimits(String name, String message) {
        return ValidationFailed.badRequest(name + " " + message, List.of(new FieldProblem(name, message)));
    }
}

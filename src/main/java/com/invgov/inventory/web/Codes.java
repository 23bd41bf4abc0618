package com.invgov.inventory.web;

import com.invgov.api.FieldProblem;
import com.invgov.api.ValidationFailed;

import java.util.List;
import java.util.regex.Pattern;

/** Codes in paths (SKU, location, ...): letters, digits and . _ - /, at most 60 characters. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,59}");

    private Codes() {
    }

    static String check(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ValidationFailed.badRequest(field + " must be 1 to 60 letters, digits, '.', '_', '-' or '/'",
                    List.of(new FieldProblem(field, "1 to 60 letters, digits, '.', '_', '-' or '/'")));
        }
        return code;
    }
}

package com.invgov.rules.table;

/**
 * One invalid cell or value of a rule table.
 *
 * @param field   JSON path of the value, e.g. {@code rows[1].maxDiffPercent}
 * @param row     0-based row index for a row of a matrix, null for a value outside the rows
 * @param column  the field name within its row or table
 * @param message what is wrong, in the plant's words
 */
public record TableError(String field, Integer row, String column, String message) {

    static TableError row(int row, String column, String message) {
        return new TableError("rows[" + row + "]." + column, row, column, message);
    }

    static TableError value(String column, String message) {
        return new TableError(column, null, column, message);
    }
}

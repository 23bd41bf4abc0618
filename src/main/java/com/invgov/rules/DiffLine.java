package com.invgov.rules;

/**
 * One line of a diff between two versions.
 *
 * @param op   {@code " "} unchanged, {@code "+"} added, {@code "-"} removed
 * @param text the line
 */
public record DiffLine(String op, String text) {
}

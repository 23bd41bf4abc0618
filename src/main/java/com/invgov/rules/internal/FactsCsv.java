package com.invgov.rules.internal;

import com.invgov.rules.RuleSetBadRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts uploaded for a simulation: a header row of the fact's field names, then one fact per line. */
final class FactsCsv {

    static final int MAX_ROWS = 10_000;

    private FactsCsv() {
    }

    /** @return one map (field → text, empty cells left out) per data line */
    static List<Map<String, String>> read(String csv, Set<String> fields) {
        if (csv == null || csv.isBlank()) {
            throw new RuleSetBadRequest("The CSV is empty: it needs a header row of the fact's fields " + fields);
        }
        List<String> lines = csv.strip().lines().filter(l -> !l.isBlank()).toList();
        List<String> header = cells(lines.get(0)).stream().map(String::strip).toList();
        for (String column : header) {
            if (!fields.contains(column)) {
                throw new RuleSetBadRequest("Unknown column '" + column + "' in the CSV header; the fact's fields are "
                        + fields);
            }
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new RuleSetBadRequest("At most " + MAX_ROWS + " facts per simulation");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = cells(lines.get(n));
            if (cells.size() != header.size()) {
                throw new RuleSetBadRequest("CSV line " + (n + 1) + " has " + cells.size() + " cells, the header "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = cells.get(c).strip();
                if (!value.isEmpty()) {
                    row.put(header.get(c), value);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Comma-separated cells; double quotes around a cell allow commas and doubled quotes inside. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

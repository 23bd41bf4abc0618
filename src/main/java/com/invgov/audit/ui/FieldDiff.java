package com.invgov.audit.ui;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an entry's before and after side by side: both JSON documents flattened to paths
 * ({@code uomConversions[0].factor}), one row per path either side has, in the order they first appear.
 * Numbers are compared by value (a stored 0.260000 is the 0.26 written).
 */
final class FieldDiff {

    /** One field; a side that does not have it is null. */
    record Row(String field, String before, String after, boolean changed) {
    }

    private FieldDiff() {
    }

    static List<Row> of(JsonNode before, JsonNode after) {
        Map<String, JsonNode> was = flatten(before);
        Map<String, JsonNode> is = flatten(after);
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Row> rows = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = was.get(field);
            JsonNode b = is.get(field);
            rows.add(new Row(field, text(a), text(b), !same(a, b)));
        }
        return rows;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node != null && !node.isNull()) {
            flatten("", node, fields);
        }
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e ->
                    flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), fields));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), fields);
            }
        } else {
            fields.put(path.isEmpty() ? "(value)" : path, node);
        }
    }
}

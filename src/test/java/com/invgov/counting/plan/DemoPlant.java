package com.invgov.counting.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The countable pairs of the demo plant, read from its CSVs: an (item, location) with opening stock at a location
 * flagged {@code countable}; ABC class and regulation from the item.
 */
final class DemoPlant {

    private DemoPlant() {
    }

    static List<CountablePair> countablePairs() {
        Map<String, String[]> locations = byFirstColumn(read("locations.csv"));
        Map<String, String[]> items = byFirstColumn(read("items.csv"));
        List<String> locationHeader = header("locations.csv");
        List<String> itemHeader = header("items.csv");
        int warehouse = locationHeader.indexOf("warehouse");
        int countable = locationHeader.indexOf("countable");
        int abc = itemHeader.indexOf("abc_class");
        int regulated = itemHeader.indexOf("regulated");
        var pairs = new LinkedHashMap<List<String>, CountablePair>();
        List<String> stockHeader = header("opening_stock.csv");
        for (String[] stock : read("opening_stock.csv")) {
            String sku = stock[stockHeader.indexOf("sku")];
            String code = stock[stockHeader.indexOf("location")];
            String[] location = Objects.requireNonNull(locations.get(code), code);
            String[] item = Objects.requireNonNull(items.get(sku), sku);
            if (Boolean.parseBoolean(location[countable])) {
                pairs.putIfAbsent(List.of(sku, code), new CountablePair(sku, code, location[warehouse],
                        AbcClass.valueOf(item[abc]), Boolean.parseBoolean(item[regulated])));
            }
        }
        return List.copyOf(pairs.values());
    }

    private static Map<String, String[]> byFirstColumn(List<String[]> rows) {
        var map = new HashMap<String, String[]>();
        rows.forEach(row -> map.put(row[0], row));
        return map;
    }

    private static List<String> header(String file) {
        return List.of(lines(file).get(0).split(",", -1));
    }

    private static List<String[]> read(String file) {
        var rows = new ArrayList<String[]>();
        List<String> lines = lines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static List<String> lines(String file) {
        var stream = Objects.requireNonNull(DemoPlant.class.getResourceAsStream("/demo-plant/" + file), file);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

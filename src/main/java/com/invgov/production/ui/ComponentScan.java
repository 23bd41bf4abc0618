package com.invgov.production.ui;

import com.invgov.receiving.Gs1Barcode;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a keyboard-wedge scan of a component label fills in: a GS1-128 label — AI 240 (the plant's item number, the
 * SKU), 10 (lot), 21 (serial), 30 (count) — in raw or human-readable form, or a plain label {@code SKU|LOT} (also
 * {@code SKU;LOT} or {@code SKU LOT}), or just a SKU. A bad GS1 scan throws {@link
 * com.invgov.receiving.InvalidBarcode} naming the wrong part.
 */
record ComponentScan(String sku, String lot, String serial, BigDecimal quantity) {

    static ComponentScan read(String scan, LocalDate today) {
        String s = scan == null ? "" : scan.strip();
        if (s.isEmpty()) {
            return new ComponentScan(null, null, null, null);
        }
        if (s.startsWith("(") || s.startsWith("]C1") || s.indexOf('\u001d') >= 0) {
            Gs1Barcode label = Gs1Barcode.parse(s, today);
            return new ComponentScan(label.otherElements().get("240"), label.lot(), label.serial(),
                    label.itemCount() == null ? null : BigDecimal.valueOf(label.itemCount()));
        }
        String[] parts = s.split("[|;\\s]+", 2);
        return new ComponentScan(parts[0], parts.length > 1 ? parts[1].strip() : null, null, null);
    }
}

package com.invgov.production.internal;

import com.invgov.production.BomRevision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** BOM revisions in {@code bom_line}, one row per line, the revision's status and effective date on each row. */
@Repository
public class BomStore {

    private final JdbcClient jdbc;

    BomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> currentRevision(String product) {
        return jdbc.sql("""
                SELECT revision FROM bom_line WHERE product = ? AND status <> 'SUPERSEDED'
                 GROUP BY revision ORDER BY max(effective_from) DESC, revision DESC LIMIT 1""")
                .param(product).query(String.class).optional();
    }

    public Optional<BomRevision> revision(String product, String revision) {
        record Row(String status, LocalDate effectiveFrom, BomRevision.Line line) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT status, effective_from, line, component, quantity, uom, consumption FROM bom_line
                 WHERE product = ? AND revision = ? ORDER BY line""").params(product, revision)
                .query((rs, n) -> new Row(rs.getString(1), rs.getDate(2).toLocalDate(),
                        new BomRevision.Line(rs.getInt(3), rs.getString(4),
                                com.invgov.inventory.Quantities.plain(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BomRevision(product, revision, rows.get(0).status(), rows.get(0).effectiveFrom(),
                rows.stream().map(Row::line).toList()));
    }

    public List<String> revisions(String product) {
        return jdbc.sql("SELECT DISTINCT revision FROM bom_line WHERE product = ? ORDER BY revision").param(product)
                .query(String.class).list();
    }

    public Set<String> usedByOtherProducts(Collection<String> components, String product) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT component FROM bom_line
                 WHERE component IN (:components) AND product <> :product AND status <> 'SUPERSEDED'""")
                .param("components", List.copyOf(components)).param("product", product).query(String.class).list());
    }

    /** The OPEN production orders of a product, oldest first. */
    public List<Long> openOrderIds(String product) {
        return jdbc.sql("SELECT id FROM production_order WHERE sku = ? AND status = 'OPEN' ORDER BY id")
                .param(product).query(Long.class).list();
    }

    /** Serializes releases of one product's BOM (on its item row: a product without a BOM has no line to lock). */
    public void lockProduct(String product) {
        jdbc.sql("SELECT sku FROM item WHERE sku = ? FOR UPDATE").param(product).query(String.class).optional();
    }

    public void supersedeAll(String product) {
        jdbc.sql("UPDATE bom_line SET status = 'SUPERSEDED' WHERE product = ? AND status <> 'SUPERSEDED'")
                .param(product).update();
    }

    public void insert(String product, String revision, String status, LocalDate effectiveFrom,
                       List<BomRevision.Line> lines) {
        for (BomRevision.Line l : lines) {
            jdbc.sql("""
                    INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity, uom,
                                          consumption)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(product, revision, status, Date.valueOf(effectiveFrom), l.line(), l.component(),
                            l.quantity(), l.uom(), l.consumption()).update();
        }
    }
}

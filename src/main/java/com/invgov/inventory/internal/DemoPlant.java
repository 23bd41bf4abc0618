package com.invgov.inventory.internal;

import com.invgov.api.Transactions;
import com.invgov.database.DemoDataCondition;
import com.invgov.inventory.AbcClass;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.Posting;
import com.invgov.inventory.Site;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Supplier;
import com.invgov.inventory.SupplierStatus;
import com.invgov.inventory.Tracking;
import com.invgov.inventory.UomConversion;
import com.invgov.inventory.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo plant (demo-plant/*.csv) in the embedded default: master data, opening stock as RECEIPT movements,
 * expected receipts and BOM lines — loaded once, in one transaction, into a database without items.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(10)
class DemoPlant implements ApplicationRunner {

    static final String ACTOR = "demo-loader";
    private static final Logger log = LoggerFactory.getLogger(DemoPlant.class);

    private final MasterDataStore masterData;
    private final Ledger ledger;
    private final Transactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoPlant(MasterDataStore masterData, Ledger ledger, Transactions transactions, JdbcClient jdbc, Clock clock) {
        this.masterData = masterData;
        this.ledger = ledger;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.inTransaction(() -> {
            // one loader at a time across nodes; the second finds items and leaves
            jdbc.sql("SELECT pg_advisory_xact_lock(4711003)").query(Object.class).single();
            if (masterData.isEmpty()) {
                load();
            }
            return null;
        });
    }

    private void load() {
        Instant now = clock.instant();
        rows("sites.csv").forEach(r -> masterData.save(new Site(r[0], r[1], r[2]), now));
        rows("warehouses.csv").forEach(r -> masterData.save(new Warehouse(r[0], r[1], r[2]), now));
        rows("locations.csv").forEach(r -> masterData.save(new Location(r[0], r[1], LocationType.valueOf(r[2]),
                Boolean.parseBoolean(r[3]), Boolean.parseBoolean(r[4])), now));
        rows("suppliers.csv").forEach(r -> masterData.save(new Supplier(r[0], r[1], SupplierStatus.valueOf(r[2])), now));
        List<String[]> items = rows("items.csv");
        items.forEach(r -> masterData.save(item(r), now));
        List<MovementCommand> opening = new ArrayList<>();
        for (String[] r : rows("opening_stock.csv")) {
            Item item = masterData.item(r[0]).orElseThrow();
            String lotOrSerial = r[2].isBlank() ? null : r[2];
            opening.add(new MovementCommand(MovementType.RECEIPT, r[0], new BigDecimal(r[3]), item.baseUom(),
                    item.tracking() == Tracking.LOT ? lotOrSerial : null,
                    item.tracking() == Tracking.SERIAL ? lotOrSerial : null, null,
                    new Place(r[1], StockStatus.valueOf(r[4])), "OPENING-STOCK", null, now, "demo-plant"));
        }
        for (int from = 0, chunk = 0; from < opening.size(); from += Ledger.MAX_BATCH, chunk++) {
            ledger.postBatch(opening.subList(from, Math.min(from + Ledger.MAX_BATCH, opening.size())),
                    new Posting(ACTOR, "demo-plant", "opening-stock-" + chunk));
        }
        for (String[] r : rows("expected_receipts.csv")) {
            jdbc.sql("""
                            INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r[0], Integer.parseInt(r[1]), r[2], r[3], new BigDecimal(r[4]), r[5],
                            Date.valueOf(LocalDate.parse(r[6])), r[7]).update();
        }
        for (String[] r : rows("boms.csv")) {
            jdbc.sql("""
                            INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity,
                                                  uom, consumption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r[0], r[1], r[2], Date.valueOf(LocalDate.parse(r[3])), Integer.parseInt(r[4]), r[5],
                            new BigDecimal(r[6]), r[7], r[8]).update();
        }
        log.info("Loaded the demo plant: {} items, {} opening-stock receipts", items.size(), opening.size());
    }

    private static Item item(String[] r) {
        List<UomConversion> conversions = new ArrayList<>();
        if (!r[3].isBlank()) {
            for (String pair : r[3].split(";")) {
                String[] kv = pair.split("=");
                conversions.add(new UomConversion(kv[0].trim(), new BigDecimal(kv[1].trim())));
            }
        }
        return new Item(r[0], r[1], r[2], conversions, Tracking.valueOf(r[4]), AbcClass.valueOf(r[5]), r[6],
                new BigDecimal(r[7]), Boolean.parseBoolean(r[8]), null, r[9].isBlank() ? null : r[9]);
    }

    private static List<String[]> rows(String file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo-plant/" + file).getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].trim();
                    }
                    rows.add(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo-plant/" + file, e);
        }
        return rows;
    }
}

package com.invgov.receiving;

import com.invgov.api.Conflict;
import com.invgov.api.EventFeed;
import com.invgov.api.FieldProblem;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.Item;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Quantities;
import com.invgov.receiving.internal.ReceivingStore;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expected receipts (PO lines, ASN lines): created and changed by PLANNER, INTEGRATION or ADMIN, one by one or as
 * a CSV file; read by everyone, with the overdue ones flagged.
 */
@Service
public class ExpectedReceipts {

    public static final String CSV_HEADER = "po,line,supplier,sku,quantity,uom,due_date,warehouse";
    public static final int MAX_CSV_ROWS = 10_000;
    private static final Role[] WRITERS = {Role.PLANNER, Role.INTEGRATION, Role.ADMIN};
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** What a PUT did. */
    public record Saved(ExpectedReceipt value, boolean created) {
    }

    /** What a CSV import did. */
    public record Imported(int created, int changed) {
    }

    private final ReceivingStore store;
    private final MasterData masterData;
    private final EventFeed events;
    private final Transactions transactions;
    private final CurrentUser user;
    private final Clock clock;

    ExpectedReceipts(ReceivingStore store, MasterData masterData, EventFeed events, Transactions transactions,
                     CurrentUser user, Clock clock) {
        this.store = store;
        this.masterData = masterData;
        this.events = events;
        this.transactions = transactions;
        this.user = user;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ExpectedReceipt> list(String warehouse, Boolean open, Boolean overdue, String after, int limit) {
        String[] position = com.invgov.api.Cursor.decodeKey(after, 2);
        int afterLine = 0;
        if (position != null) {
            try {
                afterLine = Integer.parseInt(position[1]);
            } catch (NumberFormatException e) {
                throw ValidationFailed.badRequest("after is not a cursor this API gave out",
                        List.of(new FieldProblem("after", "not a cursor this API gave out")));
            }
        }
        return Page.of(store.expected(warehouse, open, overdue, today(), position == null ? null : position[0],
                afterLine, limit + 1), limit, e -> ReceivingStore.key(e.po(), e.line()));
    }

    @Transactional(readOnly = true)
    public ExpectedReceipt get(String po, int line) {
        return store.expected(po, line, today(), false).orElseThrow(() -> new NotFound("expected receipt", po + "/" + line));
    }

    /** Open lines due today or earlier (the dock's day): overdue ones first, oldest due first. */
    @Transactional(readOnly = true)
    public List<ExpectedReceipt> dueToday(String warehouse, int limit) {
        return store.dueBy(warehouse, today(), limit);
    }

    /** Lines past their due date with quantity still open (dashboard). */
    @Transactional(readOnly = true)
    public OverdueFigures overdueFigures() {
        return store.overdueFigures(today());
    }

    public Saved put(ExpectedReceiptCommand command) {
        user.requireAnyRole("change expected receipts", WRITERS);
        return transactions.inTransaction(() -> {
            List<FieldProblem> errors = new ArrayList<>();
            validate(command, "", errors);
            if (!errors.isEmpty()) {
                throw new ValidationFailed("The expected receipt has invalid fields.", errors);
            }
            boolean created = save(command, "");
            ExpectedReceipt saved = store.expected(command.po(), command.line(), today(), false).orElseThrow();
            events.append(created ? "ExpectedReceiptCreated" : "ExpectedReceiptChanged", "expected-receipt",
                    command.po() + "/" + command.line(), saved);
            return new Saved(saved, created);
        });
    }

    /** Imports a CSV file of {@value #CSV_HEADER}, all or nothing; errors name the line and column. */
    public Imported importCsv(String csv) {
        user.requireAnyRole("import expected receipts", WRITERS);
        // Excel writes a UTF-8 byte order mark before the header
        String[] lines = (csv.startsWith("\uFEFF") ? csv.substring(1) : csv).replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(CSV_HEADER)) {
            throw ValidationFailed.badRequest("The first line must be the header " + CSV_HEADER,
                    List.of(new FieldProblem("line 1", "expected header " + CSV_HEADER)));
        }
        List<ExpectedReceiptCommand> commands = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String row = lines[i];
            if (row.isBlank()) {
                continue;
            }
            String at = "line " + (i + 1);
            String[] f = row.split(",", -1);
            if (f.length != 8) {
                errors.add(new FieldProblem(at, "8 columns expected, found " + f.length));
                continue;
            }
            Integer lineNo = null;
            BigDecimal quantity = null;
            LocalDate due = null;
            try {
                lineNo = Integer.parseInt(f[1].trim());
            } catch (NumberFormatException e) {
                errors.add(new FieldProblem(at + ".line", "not a whole number: " + f[1]));
            }
            try {
                quantity = com.invgov.api.DecimalLimits.parse(f[4]);
            } catch (NumberFormatException e) {
                errors.add(new FieldProblem(at + ".quantity", "is not a number".equals(e.getMessage())
                        ? "not a number: " + f[4] : e.getMessage()));
            }
            try {
                due = LocalDate.parse(f[6].trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem(at + ".due_date", "not a date YYYY-MM-DD: " + f[6]));
            }
            if (lineNo != null && quantity != null && due != null) {
                ExpectedReceiptCommand c = new ExpectedReceiptCommand(f[0].trim(), lineNo, f[2].trim(), f[3].trim(),
                        quantity, f[5].trim(), due, f[7].trim());
                validate(c, at + ".", errors);
                commands.add(c);
            }
            if (commands.size() > MAX_CSV_ROWS) {
                throw ValidationFailed.badRequest("At most " + MAX_CSV_ROWS + " rows per file.", List.of());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The file has invalid rows; nothing was imported.", errors);
        }
        return transactions.inTransaction(() -> {
            int created = 0;
            for (ExpectedReceiptCommand c : commands) {
                if (save(c, "CSV " + c.po() + "/" + c.line() + ": ")) {
                    created++;
                }
            }
            events.append("ExpectedReceiptsImported", "expected-receipt", "import",
                    new Imported(created, commands.size() - created));
            return new Imported(created, commands.size() - created);
        });
    }

    private void validate(ExpectedReceiptCommand c, String prefix, List<FieldProblem> errors) {
        if (c.po() == null || c.po().isBlank() || c.po().length() > 40) {
            errors.add(new FieldProblem(prefix + "po", "1 to 40 characters"));
        }
        if (c.line() < 1) {
            errors.add(new FieldProblem(prefix + "line", "must be at least 1"));
        }
        String q = Quantities.problem(c.quantity());
        if (q != null) {
            errors.add(new FieldProblem(prefix + "quantity", q));
        }
        if (c.dueDate() == null) {
            errors.add(new FieldProblem(prefix + "dueDate", "required"));
        } else if (c.dueDate().isBefore(FIRST_DAY) || c.dueDate().isAfter(LAST_DAY)) {
            // as the JSON API refuses any other date (api StorableTime)
            errors.add(new FieldProblem(prefix + (prefix.isEmpty() ? "dueDate" : "due_date"),
                    "must be between " + FIRST_DAY + " and " + LAST_DAY));
        }
        Optional<Item> item = masterData.findItem(c.sku());
        if (item.isEmpty()) {
            errors.add(new FieldProblem(prefix + "sku", "unknown item " + c.sku()));
        } else if (item.get().factor(c.uom()).isEmpty()) {
            errors.add(new FieldProblem(prefix + "uom", "unknown UoM " + c.uom() + " for " + c.sku()));
        } else if (q == null) {
            // as a movement's: the base quantity is what the receipt posts (0.000001 HALF is 0.0000005 EA)
            String base = Quantities.problem(c.quantity().multiply(item.get().factor(c.uom()).get()));
            if (base != null) {
                errors.add(new FieldProblem(prefix + "quantity", base + " in " + item.get().baseUom()));
            }
        }
        if (c.supplier() == null || !store.supplierExists(c.supplier())) {
            errors.add(new FieldProblem(prefix + "supplier", "unknown supplier " + c.supplier()));
        }
        if (c.warehouse() == null || !store.warehouseExists(c.warehouse())) {
            errors.add(new FieldProblem(prefix + "warehouse", "unknown warehouse " + c.warehouse()));
        }
    }

    /**
     * Creates or changes a line with its quantity in the item's base UoM. A line that goods were received against
     * keeps its item, UoM, warehouse and supplier (409): what arrived would count for something else; its
     * quantity may change, and it is complete again only when what arrived covers the new quantity.
     */
    private boolean save(ExpectedReceiptCommand c, String at) {
        Item item = masterData.item(c.sku());
        BigDecimal base = c.quantity().multiply(item.factor(c.uom()).orElseThrow());
        store.expected(c.po(), c.line(), today(), true).filter(e -> store.hasReceipts(c.po(), c.line()))
                .ifPresent(e -> {
                    List<String> changed = new ArrayList<>();
                    if (!e.sku().equals(c.sku())) {
                        changed.add("item " + e.sku() + " → " + c.sku());
                    }
                    if (!e.uom().equals(c.uom())) {
                        changed.add("UoM " + e.uom() + " → " + c.uom());
                    }
                    if (!e.warehouse().equals(c.warehouse())) {
                        changed.add("warehouse " + e.warehouse() + " → " + c.warehouse());
                    }
                    if (!e.supplier().equals(c.supplier())) {
                        changed.add("supplier " + e.supplier() + " → " + c.supplier());
                    }
                    if (!changed.isEmpty()) {
                        throw new Conflict(at + "Expected receipt " + c.po() + " line " + c.line() + " has receipts: "
                                + "its " + String.join(", ", changed) + " cannot change (what arrived would count "
                                + "for something else); only its quantity and due date may.");
                    }
                });
        return store.upsert(c, base, clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}

package com.invgov.engineering.internal;

import com.invgov.api.FieldProblem;
import com.invgov.api.ValidationFailed;
import com.invgov.engineering.EcoLine;
import com.invgov.engineering.RaiseEngineeringChange;
import com.invgov.inventory.Item;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Quantities;
import com.invgov.production.BillsOfMaterial;
import com.invgov.production.BomRevision;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raised change before anything is stored: every problem at once, each naming its field (422), e.g.
 * {@code lines[2].uom}. A change must change something: the same lines as the current revision are refused.
 */
@Component
class RaiseCheck {

    static final int MAX_LINES = 1000;
    static final Set<String> CONSUMPTIONS = Set.of("BACKFLUSH", "MANUAL");
    private static final Pattern REVISION = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,9}");
    /** Far enough for any plan, near enough that the date is a date a plant means. */
    private static final int MAX_YEARS_AHEAD = 10;

    /** The change as it will be stored: trimmed, its revision named, the revision it replaces known. */
    record Checked(String product, String fromRevision, String revision, String reason, List<EcoLine> lines) {
    }

    private final MasterData masterData;
    /** How many items a circle check reads at most (a plant's BOM tree is far smaller). */
    private static final int MAX_BOM_ITEMS = 10_000;

    private final BillsOfMaterial boms;
    private final EcoStore store;

    RaiseCheck(MasterData masterData, BillsOfMaterial boms, EcoStore store) {
        this.masterData = masterData;
        this.boms = boms;
        this.store = store;
    }

    Checked check(RaiseEngineeringChange c, LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        String product = c.product() == null ? null : c.product().trim();
        Optional<BomRevision> current = Optional.empty();
        if (product == null || product.isEmpty()) {
            errors.add(new FieldProblem("product", "required"));
        } else if (masterData.findItem(product).isEmpty()) {
            errors.add(new FieldProblem("product", "unknown item " + product));
            product = null;
        } else {
            current = boms.current(product);
        }
        String reason = c.reason() == null ? "" : c.reason().trim();
        if (reason.isEmpty()) {
            errors.add(new FieldProblem("reason", "required: why the BOM changes"));
        } else if (reason.length() > 2000) {
            errors.add(new FieldProblem("reason", "at most 2000 characters"));
        }
        if (c.effectiveFrom() == null) {
            errors.add(new FieldProblem("effectiveFrom", "required: the date (UTC) the new revision takes effect"));
        } else if (c.effectiveFrom().isBefore(today)) {
            errors.add(new FieldProblem("effectiveFrom", "must be today (" + today + ") or later"));
        } else if (c.effectiveFrom().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            errors.add(new FieldProblem("effectiveFrom", "at most " + MAX_YEARS_AHEAD + " years ahead"));
        }
        List<EcoLine> lines = lines(c.lines(), product, errors);
        String revision = product == null ? null : revision(c.revision(), product, errors);
        if (errors.isEmpty() && current.isPresent() && same(current.get(), lines)) {
            errors.add(new FieldProblem("lines", "the same as revision " + current.get().revision()
                    + ": a change must change something"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The engineering change has invalid fields.", errors);
        }
        return new Checked(product, current.map(BomRevision::revision).orElse(null), revision, reason, lines);
    }

    private List<EcoLine> lines(List<EcoLine> given, String product, List<FieldProblem> errors) {
        List<EcoLine> lines = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            errors.add(new FieldProblem("lines", "at least one line: the new revision's components"));
            return lines;
        }
        if (given.size() > MAX_LINES) {
            errors.add(new FieldProblem("lines", "at most " + MAX_LINES + " lines"));
            return lines;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "lines[" + i + "]";
            EcoLine l = given.get(i);
            if (l == null) {
                errors.add(new FieldProblem(at, "required"));
                continue;
            }
            String component = l.component() == null ? "" : l.component().trim();
            Item item = null;
            if (component.isEmpty()) {
                errors.add(new FieldProblem(at + ".component", "required"));
            } else if (component.equals(product)) {
                errors.add(new FieldProblem(at + ".component", "a product is not a component of itself"));
            } else if ((item = masterData.findItem(component).orElse(null)) == null) {
                errors.add(new FieldProblem(at + ".component", "unknown item " + component));
            } else if (!seen.add(component)) {
                errors.add(new FieldProblem(at + ".component", component + " is on another line already"));
            } else if (madeFrom(component, product)) {
                errors.add(new FieldProblem(at + ".component", component + " is made from " + product
                        + " (its current BOM, or one of its components', holds it): a BOM may not go round in a "
                        + "circle"));
            }
            String q = Quantities.problem(l.quantity());
            if (q != null) {
                errors.add(new FieldProblem(at + ".quantity", q));
            }
            String uom = l.uom() == null ? "" : l.uom().trim();
            if (uom.isEmpty()) {
                errors.add(new FieldProblem(at + ".uom", "required"));
            } else if (item != null && item.factor(uom).isEmpty()) {
                errors.add(new FieldProblem(at + ".uom", "unknown UoM " + uom + " for " + component + " (base "
                        + item.baseUom() + ")"));
            }
            String consumption = l.consumption() == null ? "" : l.consumption().trim();
            if (!CONSUMPTIONS.contains(consumption)) {
                errors.add(new FieldProblem(at + ".consumption", "required: BACKFLUSH or MANUAL"));
            }
            lines.add(new EcoLine(component, q == null ? Quantities.plain(l.quantity()) : null, uom, consumption));
        }
        return lines;
    }

    private String revision(String given, String product, List<FieldProblem> errors) {
        Set<String> taken = new HashSet<>(boms.revisions(product));
        taken.addAll(store.revisionsTaken(product));
        if (given != null && !given.isBlank()) {
            String r = given.trim();
            if (!REVISION.matcher(r).matches()) {
                errors.add(new FieldProblem("revision", "1 to 10 of A-Z, 0-9, '.', '-', starting with a letter or "
                        + "digit"));
            } else if (taken.contains(r)) {
                errors.add(new FieldProblem("revision", "revision " + r + " of " + product + " exists already"));
            }
            return r;
        }
        if (taken.isEmpty()) {
            return "A";
        }
        String highest = taken.stream().max(RaiseCheck::compareRevisions).orElseThrow();
        String next = next(highest);
        if (next == null || taken.contains(next)) {
            errors.add(new FieldProblem("revision", "required: no next revision follows " + highest));
        }
        return next;
    }

    /** Numbers by value, else letters by length then alphabet (Z before AA). */
    static int compareRevisions(String a, String b) {
        boolean an = a.matches("\\d{1,9}");
        boolean bn = b.matches("\\d{1,9}");
        if (an && bn) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** B after A, AA after Z, 3 after 2; null when the name does not count that way. */
    static String next(String revision) {
        if (revision.matches("\\d{1,9}")) {
            return String.valueOf(Long.parseLong(revision) + 1);
        }
        if (!revision.matches("[A-Z]{1,9}")) {
            return null;
        }
        char[] c = revision.toCharArray();
        for (int i = c.length - 1; i >= 0; i--) {
            if (c[i] < 'Z') {
                c[i]++;
                return new String(c);
            }
            c[i] = 'A';
        }
        return "A" + new String(c);
    }

    private static boolean same(BomRevision current, List<EcoLine> lines) {
        if (current.lines().size() != lines.size()) {
            return false;
        }
        Set<String> a = new HashSet<>();
        current.lines().forEach(l -> a.add(l.component() + "|" + Quantities.plain(l.quantity()).toPlainString() + "|"
                + l.uom() + "|" + l.consumption()));
        Set<String> b = new HashSet<>();
        lines.forEach(l -> b.add(l.component() + "|" + l.quantity().toPlainString() + "|" + l.uom() + "|"
                + l.consumption()));
        return a.equals(b);
    }

    /** Whether {@code item}'s current BOM holds {@code product}, directly or through its components' current BOMs. */
    private boolean madeFrom(String item, String product) {
        Set<String> visited = new HashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(item));
        while (!open.isEmpty() && visited.size() < MAX_BOM_ITEMS) {
            String next = open.pop();
            if (!visited.add(next)) {
                continue;
            }
            for (BomRevision.Line line : boms.current(next).map(BomRevision::lines).orElse(List.of())) {
                if (line.component().equals(product)) {
                    return true;
                }
                open.push(line.component());
            }
        }
        return false;
    }
}

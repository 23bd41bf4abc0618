package com.invgov.audit.ui;

import com.invgov.api.Page;
import com.invgov.audit.AuditEntry;
import com.invgov.audit.AuditFilter;
import com.invgov.audit.AuditTrail;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit trail (DESIGN §8 Admin): who changed which rules, processes and master data and who approved what,
 * newest first, filtered by subject, actor, action and day (UTC). A click shows the entry's fields before and
 * after side by side. The grid fetches pages on demand through the trail's cursors, never counting the rows.
 */
@Route("audit")
@PageTitle("Audit trail · invgov")
@Menu(order = 85, title = "Audit trail", icon = "vaadin:records")
@RolesAllowed({"ADMIN", "AUDITOR"})
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** The most rows one fetch asks the trail for (its page limit). */
    private static final int MAX_FETCH = 1000;

    final TextField subjectType = filter("audit-filter-subject-type", "Subject type");
    final TextField subjectId = filter("audit-filter-subject-id", "Subject");
    final TextField actor = filter("audit-filter-actor", "Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC, inclusive)");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final H3 detailTitle = new H3();
    final Paragraph note = new Paragraph();
    final Grid<FieldDiff.Row> diff = new Grid<>(FieldDiff.Row.class, false);
    final Pre before = new Pre();
    final Pre after = new Pre();
    private final Div detail = new Div();
    private final AuditTrail trail;

    public AuditView(AuditTrail trail) {
        this.trail = trail;
        setSizeFull();
        action.setId("audit-filter-action");
        action.setItems(trail.actions());
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        from.setId("audit-filter-from");
        to.setId("audit-filter-to");
        for (DatePicker day : List.of(from, to)) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(e -> refresh());
        }

        grid.setId("audit-grid");
        grid.addColumn(e -> AT.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::subjectType).setHeader("Subject type").setAutoWidth(true);
        grid.addColumn(AuditEntry::subjectId).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader("Comment").setFlexGrow(1);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setHeight("50%");

        diff.setId("audit-diff");
        diff.addColumn(FieldDiff.Row::field).setHeader("Field").setAutoWidth(true);
        diff.addColumn(r -> r.before() == null ? "" : r.before()).setHeader("Before").setFlexGrow(1);
        diff.addColumn(r -> r.after() == null ? "" : r.after()).setHeader("After").setFlexGrow(1);
        diff.setPartNameGenerator(r -> r.changed() ? "changed" : null);
        diff.setAllRowsVisible(true);
        before.setId("audit-before");
        after.setId("audit-after");
        note.setId("audit-note");
        detailTitle.setId("audit-detail-title");
        HorizontalLayout json = new HorizontalLayout(column("Before", before), column("After", after));
        json.setWidthFull();
        detail.add(detailTitle, note, diff, json);
        detail.setWidthFull();
        detail.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout(subjectType, subjectId, actor, action, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit trail"), filters, grid, detail);
        refresh();
    }

    AuditFilter currentFilter() {
        return new AuditFilter(blankToNull(subjectType.getValue()), blankToNull(subjectId.getValue()),
                blankToNull(actor.getValue()), action.getValue(), startOf(from.getValue()),
                to.getValue() == null ? null : startOf(to.getValue().plusDays(1)));
    }

    /** Shows an entry's before and after (null hides the detail). */
    void show(AuditEntry entry) {
        detail.setVisible(entry != null);
        if (entry == null) {
            return;
        }
        detailTitle.setText(entry.action() + " · " + entry.subjectType() + " " + entry.subjectId() + " · "
                + entry.actor() + " · " + AT.format(entry.at()));
        note.setText(entry.note() == null ? "" : "Comment: " + entry.note());
        note.setVisible(entry.note() != null);
        diff.setItems(FieldDiff.of(entry.before(), entry.after()));
        before.setText(entry.before() == null ? "(none: created)" : entry.before().toPrettyString());
        after.setText(entry.after() == null ? "(none)" : entry.after().toPrettyString());
    }

    private void refresh() {
        AuditFilter filter = currentFilter();
        CursorPages pages = new CursorPages(filter);
        grid.setItems(query -> pages.page(query.getOffset(), query.getLimit()).stream());
        show(null);
    }

    /**
     * The lazy grid's offset/limit requests as the trail's cursor pages: the cursor at each position reached is
     * remembered, and a request continues from the nearest one before it (the grid asks page after page).
     */
    private final class CursorPages {

        private final AuditFilter filter;
        private final TreeMap<Integer, String> cursors = new TreeMap<>(Map.of(0, ""));

        CursorPages(AuditFilter filter) {
            this.filter = filter;
        }

        List<AuditEntry> page(int offset, int limit) {
            while (true) {
                Map.Entry<Integer, String> start = cursors.floorEntry(offset);
                int skip = offset - start.getKey();
                Page<AuditEntry> page = trail.entries(filter, start.getValue().isEmpty() ? null : start.getValue(),
                        Math.min(MAX_FETCH, skip + limit));
                List<AuditEntry> rows = page.items();
                if (page.next() != null) {
                    cursors.put(start.getKey() + rows.size(), page.next());
                }
                if (skip < rows.size() || page.next() == null) {
                    return rows.size() <= skip ? List.of() : rows.subList(skip, Math.min(rows.size(), skip + limit));
                }
                // the offset lies beyond this fetch (a jump down the grid): go on from where it ended
            }
        }
    }

    private static VerticalLayout column(String title, Pre content) {
        VerticalLayout column = new VerticalLayout(new H3(title), content);
        column.setPadding(false);
        column.setWidth("50%");
        return column;
    }

    private TextField filter(String id, String label) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> refresh());
        return field;
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

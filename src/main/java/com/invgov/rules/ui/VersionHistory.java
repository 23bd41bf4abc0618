package com.invgov.rules.ui;

import com.invgov.rules.DiffLine;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.SimulationResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Versions newest first; the selected one shows its diff, can be simulated and (for an ADMIN) published. */
class VersionHistory extends VerticalLayout {

    private final String key;
    private final RuleSetVersions versions;
    private final Consumer<RuntimeException> onError;
    private final Runnable onPublished;
    private final Grid<RuleSetVersion> grid = new Grid<>(RuleSetVersion.class, false);
    private final VerticalLayout detail = new VerticalLayout();

    VersionHistory(String key, RuleSetVersions versions, boolean admin, Consumer<RuntimeException> onError,
                   Runnable onPublished) {
        this.key = key;
        this.versions = versions;
        this.onError = onError;
        this.onPublished = onPublished;
        setPadding(false);
        grid.setId("rule-versions");
        grid.addColumn(RuleSetVersion::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(RuleSetVersion::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(RuleSetVersion::format).setHeader("Format").setAutoWidth(true);
        grid.addColumn(RuleSetVersion::author).setHeader("Author").setAutoWidth(true);
        grid.addColumn(RuleSetVersion::createdAt).setHeader("Created").setAutoWidth(true);
        grid.addColumn(RuleSetVersion::comment).setHeader("Comment").setFlexGrow(1);
        grid.addColumn(RuleSetVersion::publishedBy).setHeader("Published by").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue(), admin));
        detail.setPadding(false);
        add(grid, detail);
        refresh();
    }

    void refresh() {
        grid.setItems(versions.versions(key));
    }

    private void show(RuleSetVersion selected, boolean admin) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        RuleSetVersion version = versions.version(key, selected.version());
        detail.add(new H4("Version " + version.version() + " (" + version.status() + ")"
                + (version.diffAgainst() == null ? "" : ", changes against version " + version.diffAgainst())));
        detail.add(diff(version.diff().isEmpty() ? version.drl().lines().map(l -> new DiffLine(" ", l)).toList()
                : version.diff()));

        IntegerField last = new IntegerField("Simulate on the last decisions");
        last.setId("simulate-last");
        last.setValue(500);
        last.setMin(1);
        VerticalLayout result = new VerticalLayout();
        result.setPadding(false);
        Button simulate = new Button("Simulate", e -> {
            try {
                result.removeAll();
                result.add(simulation(versions.simulateLastDecisions(key, version.version(),
                        last.getValue() == null ? 500 : last.getValue())));
            } catch (RuntimeException ex) {
                onError.accept(ex);
            }
        });
        simulate.setId("simulate");
        HorizontalLayout actions = new HorizontalLayout(last, simulate);
        actions.setAlignItems(Alignment.BASELINE);
        if (admin && version.status() != com.invgov.rules.VersionStatus.PUBLISHED) {
            Button publish = new Button("Publish" + (version.status() == com.invgov.rules.VersionStatus.RETIRED
                    ? " again (rollback)" : ""), e -> {
                try {
                    versions.publish(key, version.version());
                    refresh();
                    onPublished.run();
                } catch (RuntimeException ex) {
                    onError.accept(ex);
                }
            });
            publish.setId("publish");
            actions.add(publish);
            if (versions.fourEyes()) {
                actions.add(new Span("A second ADMIN, not " + version.author() + ", publishes."));
            }
        }
        detail.add(actions, result);
    }

    private static Div diff(List<DiffLine> lines) {
        Div diff = new Div();
        diff.setId("version-diff");
        diff.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre").set("overflow-x", "auto").set("max-height", "30em")
                .set("overflow-y", "auto").set("width", "100%");
        for (DiffLine line : lines) {
            Div row = new Div(new Span(line.op() + " " + line.text()));
            if (line.op().equals("+")) {
                row.getStyle().set("background", "var(--lumo-success-color-10pct)");
            } else if (line.op().equals("-")) {
                row.getStyle().set("background", "var(--lumo-error-color-10pct)");
            }
            diff.add(row);
        }
        return diff;
    }

    private static VerticalLayout simulation(SimulationResult r) {
        VerticalLayout out = new VerticalLayout();
        out.setPadding(false);
        Span summary = new Span(r.cases() + " cases, " + r.changed() + " changed against version "
                + r.publishedVersion());
        summary.setId("simulation-summary");
        Grid<Map.Entry<String, SimulationResult.OutcomeCount>> outcomes = new Grid<>();
        outcomes.addColumn(Map.Entry::getKey).setHeader("Outcome");
        outcomes.addColumn(e -> e.getValue().published()).setHeader("Published");
        outcomes.addColumn(e -> e.getValue().candidate()).setHeader("This version");
        outcomes.setItems(r.byOutcome().entrySet().stream().toList());
        outcomes.setAllRowsVisible(true);
        Grid<SimulationResult.Case> examples = new Grid<>();
        examples.setId("simulation-examples");
        examples.addColumn(SimulationResult.Case::subject).setHeader("Subject");
        examples.addColumn(SimulationResult.Case::publishedOutcome).setHeader("Published");
        examples.addColumn(SimulationResult.Case::candidateOutcome).setHeader("This version");
        examples.addColumn(c -> String.join(", ", c.candidateFiredRules())).setHeader("Rules fired");
        examples.setItems(r.examples());
        examples.setAllRowsVisible(true);
        out.add(summary, outcomes, examples);
        return out;
    }
}

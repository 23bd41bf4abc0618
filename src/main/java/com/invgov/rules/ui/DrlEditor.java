package com.invgov.rules.ui;

import com.invgov.rules.RuleCompilationException;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A DRL text area with a line-number gutter; lines with errors are marked in the gutter and listed below. */
class DrlEditor extends VerticalLayout {

    private final Pre gutter = new Pre();
    private final TextArea text = new TextArea();
    private final UnorderedList errors = new UnorderedList();
    private Set<Integer> errorLines = Set.of();

    DrlEditor() {
        setPadding(false);
        gutter.setId("drl-gutter");
        gutter.getStyle().set("margin", "0").set("padding", "var(--lumo-space-s) var(--lumo-space-xs)")
                .set("text-align", "right").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)").set("line-height", "1.5");
        text.setId("drl-text");
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)")
                .set("--vaadin-text-area-line-height", "1.5").set("line-height", "1.5");
        text.addValueChangeListener(e -> renderGutter());
        errors.setId("drl-errors");
        HorizontalLayout editor = new HorizontalLayout(gutter, text);
        editor.setWidthFull();
        editor.setSpacing(false);
        editor.expand(text);
        add(editor, errors);
        renderGutter();
    }

    String getValue() {
        return text.getValue();
    }

    void setValue(String drl) {
        text.setValue(drl == null ? "" : drl);
        showErrors(List.of());
    }

    void setReadOnly(boolean readOnly) {
        text.setReadOnly(readOnly);
    }

    void showErrors(List<RuleCompilationException.Error> compileErrors) {
        errors.removeAll();
        errorLines = compileErrors.stream().map(RuleCompilationException.Error::line).collect(Collectors.toSet());
        for (RuleCompilationException.Error e : compileErrors) {
            ListItem item = new ListItem((e.line() > 0 ? "line " + e.line() + (e.column() > 0 ? ", column "
                    + e.column() : "") + ": " : "") + e.message());
            item.addClassName("invgov-error");
            errors.add(item);
        }
        text.setInvalid(!compileErrors.isEmpty());
        renderGutter();
    }

    /** Lines marked with an error in the gutter (for tests and the screen alike). */
    Set<Integer> errorLines() {
        return errorLines;
    }

    private void renderGutter() {
        long lines = Math.max(1, text.getValue().lines().count());
        gutter.setText(IntStream.rangeClosed(1, (int) lines)
                .mapToObj(n -> (errorLines.contains(n) ? "● " : "") + n)
                .collect(Collectors.joining("\n")));
    }

}

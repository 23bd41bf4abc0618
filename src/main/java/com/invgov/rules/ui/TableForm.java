package com.invgov.rules.ui;

import com.invgov.rules.table.RuleTable;
import com.invgov.rules.table.TableError;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The low-code editor of any rule table: one typed field per value, a grid row of fields per matrix row. Fields
 * are named by the same path the validator uses ({@code rows[0].maxDiffPercent}), so an invalid cell is marked
 * where it is. Role lists are typed as comma-separated names.
 */
class TableForm extends VerticalLayout {

    private final Class<? extends RuleTable> type;
    /** path → field */
    private final Map<String, Component> fields = new LinkedHashMap<>();
    /** row keys (e.g. the ABC class) shown but not edited, by row index */
    private final Map<String, Object> fixed = new LinkedHashMap<>();
    private final Span errors = new Span();
    private int rowCount;
    private Class<?> rowType;

    TableForm(RuleTable table) {
        this.type = table.getClass();
        setPadding(false);
        errors.addClassName("invgov-error");
        errors.setId("table-errors");
        add(errors);
        for (RecordComponent c : type.getRecordComponents()) {
            Object value = read(c, table);
            if (value instanceof List<?> list && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                rowType = element;
                rowCount = list.size();
                for (int i = 0; i < list.size(); i++) {
                    add(row(c.getName(), i, list.get(i)));
                }
            } else {
                add(field(c.getName(), c.getType(), value));
            }
        }
    }

    private Component row(String listName, int index, Object row) {
        HorizontalLayout line = new HorizontalLayout();
        line.setAlignItems(Alignment.BASELINE);
        for (RecordComponent c : row.getClass().getRecordComponents()) {
            String path = listName + "[" + index + "]." + c.getName();
            Object value = read(c, row);
            if (c.getName().equals("abcClass")) {
                fixed.put(path, value);
                Span key = new Span("Class " + value);
                key.setWidth("6em");
                line.add(key);
            } else {
                line.add(field(path, c.getType(), value));
            }
        }
        return line;
    }

    private Component field(String path, Class<?> valueType, Object value) {
        String id = "cell-" + path.replace("[", "-").replace("]", "").replace(".", "-");
        Component field;
        if (valueType == BigDecimal.class) {
            BigDecimalField f = new BigDecimalField(label(path));
            f.setValue((BigDecimal) value);
            field = f;
        } else if (valueType == Integer.class || valueType == int.class) {
            IntegerField f = new IntegerField(label(path));
            f.setValue((Integer) value);
            field = f;
        } else if (valueType == List.class) {
            TextField f = new TextField(label(path));
            f.setValue(value == null ? "" : String.join(", ", (List<String>) cast(value)));
            f.setHelperText("comma-separated roles, in order");
            field = f;
        } else {
            TextField f = new TextField(label(path));
            f.setValue(value == null ? "" : value.toString());
            field = f;
        }
        field.setId(id);
        fields.put(path, field);
        return field;
    }

    private static String label(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return name.replaceAll("([A-Z])", " $1").toLowerCase();
    }

    /** The table as typed; null cells stay null so the validator names them. */
    RuleTable value() {
        try {
            List<Object> args = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType() == List.class && rowType != null && c.getGenericType() instanceof ParameterizedType p
                        && p.getActualTypeArguments()[0] == rowType) {
                    List<Object> rows = new ArrayList<>();
                    for (int i = 0; i < rowCount; i++) {
                        rows.add(construct(rowType, c.getName() + "[" + i + "]."));
                    }
                    args.add(rows);
                } else {
                    args.add(valueOf(c.getName(), c.getType()));
                }
            }
            return (RuleTable) type.getDeclaredConstructor(types(type)).newInstance(args.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private Object construct(Class<?> record, String prefix) throws ReflectiveOperationException {
        List<Object> args = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            args.add(fixed.containsKey(path) ? fixed.get(path) : valueOf(path, c.getType()));
        }
        return record.getDeclaredConstructor(types(record)).newInstance(args.toArray());
    }

    private Object valueOf(String path, Class<?> valueType) {
        Object raw = ((HasValue<?, ?>) fields.get(path)).getValue();
        if (valueType == List.class) {
            String text = raw == null ? "" : raw.toString();
            return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (valueType == String.class) {
            return raw == null ? null : raw.toString().strip();
        }
        return raw;
    }

    /** Marks each invalid cell; errors without a cell (a missing row) go above the form. */
    void showErrors(List<TableError> tableErrors) {
        clearErrors();
        List<String> general = new ArrayList<>();
        for (TableError e : tableErrors) {
            String path = e.field().replaceAll("\\[\\d+]$", "");
            Component field = fields.get(path);
            if (field instanceof HasValidation v) {
                v.setInvalid(true);
                v.setErrorMessage(e.message());
            } else {
                general.add(e.field() + ": " + e.message());
            }
        }
        errors.setText(String.join("; ", general));
    }

    void clearErrors() {
        errors.setText("");
        fields.values().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    Component field(String path) {
        return fields.get(path);
    }

    private static Class<?>[] types(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}

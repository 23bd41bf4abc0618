package com.invgov.inventory.ui;

import com.invgov.api.ApiProblem;
import com.invgov.inventory.Item;
import com.invgov.inventory.Ledger;
import com.invgov.inventory.Location;
import com.invgov.inventory.MasterData;
import com.invgov.inventory.Movement;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.UomConversion;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Post a transfer from the console. The scan field takes a keyboard-wedge scanner (it types the code and
 * Enter): a SKU fills the item, a location code fills "from" and then "to", and a combined label
 * {@code SKU@LOCATION} fills both. Each filled-in form carries one idempotency key, so a double submit posts
 * once.
 */
@Route("transfer")
@PageTitle("Transfer · invgov")
@Menu(order = 12, title = "Transfer", icon = "vaadin:exchange")
@RolesAllowed({"OPERATOR", "INTEGRATION", "ADMIN"})
public class TransferView extends VerticalLayout {

    final TextField scan = new TextField("Scan");
    final TextField sku = new TextField("SKU");
    final TextField from = new TextField("From location");
    final TextField to = new TextField("To location");
    final BigDecimalField quantity = new BigDecimalField("Quantity");
    final ComboBox<String> uom = new ComboBox<>("UoM");
    final TextField lot = new TextField("Lot");
    final TextField serial = new TextField("Serial");
    final TextField reference = new TextField("Reference");
    final Button post = new Button("Post transfer");
    final Span result = new Span();
    private final Ledger ledger;
    private final MasterData masterData;
    private String key = newKey();

    public TransferView(Ledger ledger, MasterData masterData) {
        this.ledger = ledger;
        this.masterData = masterData;
        scan.setId("transfer-scan");
        scan.setPlaceholder("Scan a SKU or location label");
        scan.setAutofocus(true);
        scan.addKeyPressListener(Key.ENTER, e -> scanned(scan.getValue()));
        sku.setId("transfer-sku");
        sku.addValueChangeListener(e -> itemChanged());
        from.setId("transfer-from");
        to.setId("transfer-to");
        quantity.setId("transfer-quantity");
        uom.setId("transfer-uom");
        lot.setId("transfer-lot");
        serial.setId("transfer-serial");
        reference.setId("transfer-reference");
        result.setId("transfer-result");
        post.setId("transfer-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> post());

        FormLayout form = new FormLayout(sku, uom, from, to, quantity, lot, serial, reference);
        add(new H2("Transfer"), scan, form, post, result);
    }

    /** A scanned code: a SKU, a location, or SKU@LOCATION. */
    void scanned(String code) {
        String value = code == null ? "" : code.trim();
        scan.clear();
        if (value.isEmpty()) {
            return;
        }
        if (value.contains("@")) {
            String[] parts = value.split("@", 2);
            scanned(parts[0]);
            scanned(parts[1]);
            return;
        }
        Optional<Item> item = masterData.findItem(value);
        if (item.isPresent()) {
            sku.setValue(item.get().sku());
            return;
        }
        Optional<Location> location = masterData.findLocation(value);
        if (location.isPresent()) {
            if (from.isEmpty() || (!to.isEmpty() && to.getValue().equals(value))) {
                from.setValue(value);
            } else {
                to.setValue(value);
            }
            return;
        }
        result.setText("Unknown code: " + value);
    }

    private void itemChanged() {
        Optional<Item> item = masterData.findItem(sku.getValue());
        List<String> uoms = new ArrayList<>();
        item.ifPresent(i -> {
            uoms.add(i.baseUom());
            i.uomConversions().stream().map(UomConversion::uom).forEach(uoms::add);
        });
        uom.setItems(uoms);
        item.ifPresent(i -> uom.setValue(i.baseUom()));
    }

    void post() {
        MovementCommand command = new MovementCommand(MovementType.TRANSFER, sku.getValue().trim(), quantity.getValue(),
                uom.getValue(), blankToNull(lot.getValue()), blankToNull(serial.getValue()),
                new Place(from.getValue().trim(), null), new Place(to.getValue().trim(), null),
                blankToNull(reference.getValue()), null, null, "console");
        try {
            Movement movement = ledger.postAsCurrentUser(command, key);
            result.setText("Posted #" + movement.id() + ": " + movement.quantity().toPlainString() + " " + movement.uom()
                    + " " + movement.sku() + " " + movement.from().location() + " → " + movement.to().location());
            key = newKey();
            quantity.clear();
            lot.clear();
            serial.clear();
        } catch (ApiProblem e) {
            String fields = e.errors().stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining("; "));
            result.setText("Not posted: " + e.getMessage() + (fields.isEmpty() ? "" : " — " + fields));
        }
    }

    private static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}

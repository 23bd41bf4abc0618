package com.invgov.receiving.internal;

import com.invgov.inventory.Item;
import com.invgov.inventory.MasterData;
import com.invgov.quality.IncomingInspections;
import com.invgov.receiving.CheckResult;
import com.invgov.receiving.Receipt;
import com.invgov.receiving.Receiving;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Receiving's side of {@link IncomingInspections}: the quality console's inspection tasks are receipts. */
@Component
class ReceivingInspections implements IncomingInspections {

    private static final int MAX_OPEN = 500;

    private final Receiving receiving;
    private final MasterData masterData;

    ReceivingInspections(Receiving receiving, MasterData masterData) {
        this.receiving = receiving;
        this.masterData = masterData;
    }

    @Override
    public List<InspectionTask> open() {
        return receiving.awaitingInspection(MAX_OPEN).stream().map(this::task).toList();
    }

    @Override
    public List<ChecklistItem> checklist(String receiptId) {
        return receiving.checklist(receiptId).stream()
                .map(c -> new ChecklistItem(c.name(), c.min(), c.max(), c.unit())).toList();
    }

    @Override
    public InspectionOutcome record(String receiptId, List<CheckEntry> checks) {
        Receipt r = receiving.recordInspection(receiptId, null, checks.stream()
                .map(c -> new CheckResult(c.name(), c.passed(), c.value())).toList());
        return new InspectionOutcome(r.id(), "PASSED".equals(r.inspectionResult()), r.state());
    }

    private InspectionTask task(Receipt r) {
        Optional<Item> item = masterData.findItem(r.sku());
        return new InspectionTask(r.id(), r.sku(), item.map(Item::description).orElse(""),
                item.map(Item::category).orElse(null), r.lot(), r.serial(), r.supplier(), r.quantity(), r.uom(),
                r.location(), r.po(), r.line(), r.inspection().reason(), r.inspection().version(), r.receivedBy(),
                r.receivedAt());
    }
}

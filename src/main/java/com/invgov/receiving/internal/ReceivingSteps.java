package com.invgov.receiving.internal;

import com.invgov.quality.QualityHold;
import com.invgov.quality.QualityHolds;
import com.invgov.receiving.Receipt;
import com.invgov.workflow.ServiceStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the {@code receiving} process (processes/receiving.bpmn); business key = receipt id. */
@Configuration(proxyBeanMethods = false)
class ReceivingSteps {

    /**
     * Sets {@code overReceipt}: the receipt-tolerance decision kept with the receipt said OVER_RECEIPT, and
     * {@code overReceiptApprovers}: the roles it named, comma-separated.
     */
    @Bean
    ServiceStep receivingOverReceiptCheck(ReceivingStore store) {
        return context -> {
            Receipt r = receipt(store, context.businessKey());
            context.setVariable("overReceipt", "PENDING".equals(r.approval()));
            context.setVariable("toleranceOutcome", r.tolerance() == null ? "NONE" : r.tolerance().outcome());
            // the approve task's candidate groups: the roles the decision named (receipts before it: PLANNER)
            context.setVariable("overReceiptApprovers", r.approverRoles().isEmpty() ? "PLANNER"
                    : String.join(",", r.approverRoles()));
        };
    }

    /** Sets {@code inspect} from the receiving-inspection decision kept with the receipt, and its version. */
    @Bean
    ServiceStep receivingInspectionDecision(ReceivingStore store) {
        return context -> {
            Receipt r = receipt(store, context.businessKey());
            context.setVariable("inspect", "INSPECT".equals(r.inspection().outcome()));
            context.setVariable("inspectionRuleVersion", r.inspection().version());
        };
    }

    /** Puts the failed receipt's stock on quality hold; sets {@code holdId}. */
    @Bean
    ServiceStep receivingQualityHold(ReceivingStore store, QualityHolds holds) {
        return context -> {
            Receipt r = receipt(store, context.businessKey());
            String actor = context.variable("inspectedBy", String.class).orElse("system");
            QualityHold hold = holds.holdFailedInspection(r.sku(), r.lot(), r.serial(), r.location(),
                    r.quantity(), r.po() == null ? "RCPT-" + r.id() : r.po() + "/" + r.line(), actor);
            context.setVariable("holdId", hold.id());
        };
    }

    /** Sets {@code suggestedLocation}: a STOCK location holding the item, else an empty one. */
    @Bean
    ServiceStep receivingSuggestPutaway(ReceivingStore store) {
        return context -> {
            Receipt r = receipt(store, context.businessKey());
            context.setVariable("suggestedLocation", store.warehouseOf(r.location())
                    .flatMap(w -> store.suggestPutaway(w, r.sku())).orElse(null));
        };
    }

    private static Receipt receipt(ReceivingStore store, String id) {
        return store.receipt(Long.parseLong(id), false).orElseThrow(() ->
                new IllegalStateException("no receipt " + id + " for the receiving process"));
    }
}

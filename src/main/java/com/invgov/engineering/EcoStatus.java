package com.invgov.engineering;

/**
 * Where an engineering change is: waiting for its routed approvals, for the disposition of the old stock, for its
 * effectivity date; or done (ACTIVATED: the new revision is the product's ACTIVE one) or REJECTED.
 */
public enum EcoStatus {
    PENDING_APPROVAL, PENDING_DISPOSITION, SCHEDULED, ACTIVATED, REJECTED;

    public boolean open() {
        return this != ACTIVATED && this != REJECTED;
    }
}

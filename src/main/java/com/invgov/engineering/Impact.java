package com.invgov.engineering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an engineering change does to stock and production, as analysed when it was raised and shown to its
 * approvers (DESIGN §4). Quantities are in the component's base UoM, values at its unit cost with 2 decimals.
 *
 * @param fromRevision          the revision the change replaces; null when the product had no BOM
 * @param changes               every component the change adds, drops or changes, with its quantity per product
 *                              unit before and after (base UoM)
 * @param outgoing              the components the change drops or reduces, with their on-hand stock
 * @param openOrders            the product's OPEN production orders (they keep their revision) and the outgoing
 *                              components already issued to them (WIP)
 * @param outgoingOnHandValue   value of the on-hand stock of every outgoing component
 * @param obsoleteWriteOffValue value of the on-hand stock of the obsolete components: dropped, and on no current
 *                              revision of another product
 * @param anyRegulatedComponent a component the change adds, drops or changes is regulated
 */
public record Impact(String fromRevision, List<ComponentChange> changes, List<Outgoing> outgoing,
                     List<OpenOrder> openOrders, BigDecimal outgoingOnHandValue, BigDecimal obsoleteWriteOffValue,
                     boolean anyRegulatedComponent) {

    /** How a component's line changes: ADDED, DROPPED, REDUCED, INCREASED or CHANGED (UoM or consumption only). */
    public record ComponentChange(String component, String change, BigDecimal oldQuantity, BigDecimal newQuantity,
                                  String baseUom, boolean regulated) {
    }

    /**
     * An outgoing component: {@code obsolete} when dropped and on no other product's current revision (its stock
     * is what a write-off would cost).
     */
    public record Outgoing(String component, boolean dropped, boolean obsolete, boolean regulated, String baseUom,
                           BigDecimal unitCost, BigDecimal onHand, Map<String, BigDecimal> onHandByStatus,
                           List<Stock> stock, BigDecimal onHandValue, BigDecimal writeOffValue) {
    }

    /** On-hand of an outgoing component at one location, lot and status. */
    public record Stock(String location, String warehouse, String lot, String status, BigDecimal quantity) {
    }

    /** An OPEN order of the product and the outgoing components issued to it so far. */
    public record OpenOrder(String id, String bomRevision, BigDecimal quantity, BigDecimal produced,
                            List<Issued> wip) {
    }

    public record Issued(String component, BigDecimal quantity, BigDecimal value) {
    }
}

package com.invgov.inventory.internal;

import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.StockStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** What a plain movement may do to held stock, without Spring or a database. */
class HeldStockTest {

    @Test
    void quarantineAndInspectionStockCannotLeaveChangeStatusOrMove() {
        assertThat(HeldStock.refusal(move(MovementType.STATUS_CHANGE, at("A", StockStatus.QUARANTINE),
                at("A", StockStatus.AVAILABLE)))).get().asString().contains("disposition");
        assertThat(HeldStock.refusal(move(MovementType.SCRAP, at("A", StockStatus.QUARANTINE), null))).isPresent();
        assertThat(HeldStock.refusal(move(MovementType.RETURN_TO_VENDOR, at("A", StockStatus.QUARANTINE), null)))
                .isPresent();
        // a move keeping the status would leave the hold line behind
        assertThat(HeldStock.refusal(move(MovementType.TRANSFER, at("A", StockStatus.QUARANTINE), at("B", null))))
                .isPresent();
        assertThat(HeldStock.refusal(move(MovementType.PUTAWAY, at("DOCK", StockStatus.INSPECTION), at("B", null))))
                .get().asString().contains("inspection");
        assertThat(HeldStock.refusal(move(MovementType.STATUS_CHANGE, at("DOCK", StockStatus.INSPECTION),
                at("DOCK", StockStatus.AVAILABLE)))).isPresent();
    }

    @Test
    void stockEntersHeldStatusesOnlyThroughHoldsAndReceipts() {
        assertThat(HeldStock.refusal(move(MovementType.RECEIPT, null, at("A", StockStatus.QUARANTINE)))).get()
                .asString().contains("quality hold");
        assertThat(HeldStock.refusal(move(MovementType.RECEIPT, null, at("A", StockStatus.INSPECTION)))).get()
                .asString().contains("receipt");
        assertThat(HeldStock.refusal(move(MovementType.STATUS_CHANGE, at("A", null), at("A", StockStatus.BLOCKED))))
                .isPresent();
        assertThat(HeldStock.refusal(move(MovementType.PRODUCE, null, at("A", StockStatus.QUARANTINE)))).isPresent();
    }

    @Test
    void blockedStockMovesKeepingItsStatusButLeavesBlockedOnlyThroughAHold() {
        assertThat(HeldStock.refusal(move(MovementType.TRANSFER, at("A", StockStatus.BLOCKED), at("B", null))))
                .isEmpty();
        assertThat(HeldStock.refusal(move(MovementType.TRANSFER, at("A", StockStatus.BLOCKED),
                at("B", StockStatus.BLOCKED)))).isEmpty();
        assertThat(HeldStock.refusal(move(MovementType.STATUS_CHANGE, at("A", StockStatus.BLOCKED),
                at("A", StockStatus.AVAILABLE)))).isPresent();
        assertThat(HeldStock.refusal(move(MovementType.SCRAP, at("A", StockStatus.BLOCKED), null))).isPresent();
    }

    @Test
    void availableStockIsNotHeldStock() {
        assertThat(HeldStock.refusal(move(MovementType.TRANSFER, at("A", null), at("B", null)))).isEmpty();
        assertThat(HeldStock.refusal(move(MovementType.RECEIPT, null, at("A", null)))).isEmpty();
        assertThat(HeldStock.refusal(move(MovementType.SHIP, at("A", StockStatus.AVAILABLE), null))).isEmpty();
    }

    private static MovementCommand move(MovementType type, Place from, Place to) {
        return new MovementCommand(type, "BOLT", BigDecimal.TEN, "EA", null, null, from, to, null, null, null, null);
    }

    private static Place at(String location, StockStatus status) {
        return new Place(location, status);
    }
}

package com.invgov.inventory.internal;

import com.invgov.api.FieldProblem;
import com.invgov.api.ValidationFailed;
import com.invgov.inventory.AbcClass;
import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.Tracking;
import com.invgov.inventory.UomConversion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of movement without Spring or a database. */
class MovementRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static final Map<String, Item> ITEMS = Map.of(
            "BOLT", new Item("BOLT", "Bolt", "EA", List.of(new UomConversion("BOX", new BigDecimal("100"))),
                    Tracking.NONE, AbcClass.C, "FAS", new BigDecimal("0.26"), false, null, null),
            "CABLE", new Item("CABLE", "Cable", "M", List.of(new UomConversion("REEL", new BigDecimal("500"))),
                    Tracking.LOT, AbcClass.C, "CAB", new BigDecimal("1.88"), false, 365, null),
            "MOTOR", new Item("MOTOR", "Motor", "EA", List.of(), Tracking.SERIAL, AbcClass.B, "MOT",
                    new BigDecimal("312.31"), false, null, null));

    static final Map<String, Location> LOCATIONS = Map.of(
            "A", new Location("A", "WH", LocationType.STOCK, true, false),
            "B", new Location("B", "WH", LocationType.STOCK, true, false),
            "PROD", new Location("PROD", "WH", LocationType.PRODUCTION, false, false),
            "TRANSIT", new Location("TRANSIT", "WH", LocationType.TRANSIT, false, false),
            "SCRAP", new Location("SCRAP", "WH", LocationType.SCRAP, false, false),
            "SUPPLIER", new Location("SUPPLIER", null, LocationType.SUPPLIER, false, true));

    final MovementRules rules = new MovementRules(sku -> Optional.ofNullable(ITEMS.get(sku)),
            code -> Optional.ofNullable(LOCATIONS.get(code)), Set.of("LOST", "FOUND", "DAMAGED")::contains);

    static MovementCommand move(MovementType type, String sku, String quantity, String uom, String lot, String serial,
                                Place from, Place to) {
        return new MovementCommand(type, sku, new BigDecimal(quantity), uom, lot, serial, from, to, null, null, null, null);
    }

    static Place at(String location) {
        return new Place(location, null);
    }

    @Test
    void convertsTheEnteredUomToTheBaseUom() {
        ResolvedMovement m = rules.resolve(move(MovementType.TRANSFER, "BOLT", "2", "BOX", null, null, at("A"), at("B")), NOW, "");
        assertThat(m.quantity()).isEqualByComparingTo("200");
        assertThat(m.enteredQuantity()).isEqualByComparingTo("2");
        assertThat(m.enteredUom()).isEqualTo("BOX");
        assertThat(m.fromStatus()).isEqualTo(StockStatus.AVAILABLE);
        assertThat(m.toStatus()).isEqualTo(StockStatus.AVAILABLE);
        assertThat(m.eventTime()).isEqualTo(NOW);
    }

    @Test
    void refusesMoreThanSixDecimalsInsteadOfRounding() {
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1.0000001", "EA", null, null, at("A"), at("B"))))
                .containsKey("quantity");
        // 6 decimals entered in REEL can be 9 in metres: still refused, never rounded
        assertThat(fields(move(MovementType.TRANSFER, "CABLE", "0.0000011", "REEL", "L1", null, at("A"), at("B"))))
                .containsKey("quantity");
        assertThat(rules.resolve(move(MovementType.TRANSFER, "CABLE", "0.001", "REEL", "L1", null, at("A"), at("B")), NOW, "")
                .quantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void refusesZeroNegativeAndHugeQuantities() {
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "0", "EA", null, null, at("A"), at("B")))).containsKey("quantity");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "-5", "EA", null, null, at("A"), at("B")))).containsKey("quantity");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1E+13", "EA", null, null, at("A"), at("B")))).containsKey("quantity");
    }

    @Test
    void namesUnknownItemLocationAndUomAsFieldErrors() {
        assertThat(fields(move(MovementType.TRANSFER, "NOPE", "1", "EA", null, null, at("A"), at("B")))).containsKey("sku");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, null, at("X"), at("B")))).containsKey("from.location");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "KG", null, null, at("A"), at("B")))).containsKey("uom");
    }

    @Test
    void lotItemsNeedALotAndOthersRefuseOne() {
        assertThat(fields(move(MovementType.TRANSFER, "CABLE", "1", "M", null, null, at("A"), at("B")))).containsKey("lot");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", "L1", null, at("A"), at("B")))).containsKey("lot");
    }

    @Test
    void serialItemsMoveOneUnitPerSerial() {
        assertThat(fields(move(MovementType.TRANSFER, "MOTOR", "1", "EA", null, null, at("A"), at("B")))).containsKey("serial");
        assertThat(fields(move(MovementType.TRANSFER, "MOTOR", "2", "EA", null, "SN1", at("A"), at("B")))).containsKey("quantity");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, "SN1", at("A"), at("B")))).containsKey("serial");
        assertThat(rules.resolve(move(MovementType.TRANSFER, "MOTOR", "1", "EA", null, "SN1", at("A"), at("B")), NOW, "")
                .serial()).isEqualTo("SN1");
    }

    @Test
    void onlyAvailableStockIsIssuedOrShipped() {
        assertThat(fields(move(MovementType.ISSUE, "BOLT", "1", "EA", null, null,
                new Place("A", StockStatus.QUARANTINE), at("PROD")))).containsKey("from.status");
        assertThat(fields(move(MovementType.SHIP, "BOLT", "1", "EA", null, null,
                new Place("A", StockStatus.BLOCKED), null))).containsKey("from.status");
    }

    @Test
    void theVirtualEndOfEachTypeIsFilledInAndCannotBeNamed() {
        ResolvedMovement receipt = rules.resolve(move(MovementType.RECEIPT, "BOLT", "1", "EA", null, null, null, at("A")), NOW, "");
        assertThat(receipt.from().code()).isEqualTo("SUPPLIER");
        assertThat(rules.resolve(move(MovementType.SHIP, "BOLT", "1", "EA", null, null, at("A"), null), NOW, "").to().code())
                .isEqualTo("CUSTOMER");
        assertThat(rules.resolve(move(MovementType.ISSUE, "BOLT", "1", "EA", null, null, at("A"), null), NOW, "").to().code())
                .isEqualTo("CONSUMED");
        assertThat(fields(move(MovementType.RECEIPT, "BOLT", "1", "EA", null, null, at("B"), at("A")))).containsKey("from");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, null, at("SUPPLIER"), at("A"))))
                .containsKey("from.location");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, null, at("A"), null))).containsKey("to.location");
    }

    @Test
    void locationTypesFollowTheTableOfMovementTypes() {
        assertThat(fields(move(MovementType.TRANSFER_SHIP, "BOLT", "1", "EA", null, null, at("A"), at("B"))))
                .containsKey("to.location");
        assertThat(fields(move(MovementType.ISSUE, "BOLT", "1", "EA", null, null, at("A"), at("B")))).containsKey("to.location");
        assertThat(fields(move(MovementType.SCRAP, "BOLT", "1", "EA", null, null, at("A"), at("B")))).containsKey("to.location");
        assertThat(rules.resolve(move(MovementType.TRANSFER_SHIP, "BOLT", "1", "EA", null, null, at("A"), at("TRANSIT")), NOW, "")
                .to().code()).isEqualTo("TRANSIT");
    }

    @Test
    void statusChangeStaysAndChangesTransferKeepsTheStatus() {
        assertThat(fields(move(MovementType.STATUS_CHANGE, "BOLT", "1", "EA", null, null, at("A"),
                new Place("B", StockStatus.BLOCKED)))).containsKey("to.location");
        assertThat(fields(move(MovementType.STATUS_CHANGE, "BOLT", "1", "EA", null, null, at("A"), at("A"))))
                .containsKey("to.status");
        assertThat(fields(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, null, at("A"),
                new Place("B", StockStatus.BLOCKED)))).containsKey("to.status");
        ResolvedMovement quarantined = rules.resolve(move(MovementType.TRANSFER, "BOLT", "1", "EA", null, null,
                new Place("A", StockStatus.QUARANTINE), at("B")), NOW, "");
        assertThat(quarantined.toStatus()).isEqualTo(StockStatus.QUARANTINE);
    }

    @Test
    void adjustmentsNeedAReasonAndExactlyOneRealEnd() {
        MovementCommand noReason = move(MovementType.ADJUSTMENT, "BOLT", "1", "EA", null, null, null, at("A"));
        assertThat(fields(noReason)).containsKey("reasonCode");
        MovementCommand found = new MovementCommand(MovementType.ADJUSTMENT, "BOLT", BigDecimal.ONE, "EA", null, null,
                null, at("A"), "ADJ-1", "FOUND", null, null);
        assertThat(rules.resolve(found, NOW, "").from().code()).isEqualTo("ADJUSTMENT");
        MovementCommand both = new MovementCommand(MovementType.ADJUSTMENT, "BOLT", BigDecimal.ONE, "EA", null, null,
                at("B"), at("A"), "ADJ-1", "FOUND", null, null);
        assertThat(fields(both)).containsKey("to");
        MovementCommand unknownReason = new MovementCommand(MovementType.ADJUSTMENT, "BOLT", BigDecimal.ONE, "EA", null,
                null, null, at("A"), "ADJ-1", "MAGIC", null, null);
        assertThat(fields(unknownReason)).containsKey("reasonCode");
    }

    @Test
    void refusesEventTimesInTheFutureButTakesPastOnes() {
        MovementCommand future = new MovementCommand(MovementType.TRANSFER, "BOLT", BigDecimal.ONE, "EA", null, null,
                at("A"), at("B"), null, null, NOW.plusSeconds(3600), null);
        assertThat(fields(future)).containsKey("eventTime");
        MovementCommand past = new MovementCommand(MovementType.TRANSFER, "BOLT", BigDecimal.ONE, "EA", null, null,
                at("A"), at("B"), null, null, NOW.minusSeconds(86400), null);
        assertThat(rules.resolve(past, NOW, "").eventTime()).isEqualTo(NOW.minusSeconds(86400));
    }

    @Test
    void prefixesFieldsOfBatchMembers() {
        assertThatThrownBy(() -> rules.resolve(move(MovementType.TRANSFER, "NOPE", "1", "EA", null, null, at("A"), at("B")),
                NOW, "movements[3]."))
                .isInstanceOfSatisfying(ValidationFailed.class, e ->
                        assertThat(e.errors()).extracting(FieldProblem::field).contains("movements[3].sku"));
    }

    private Map<String, String> fields(MovementCommand command) {
        try {
            rules.resolve(command, NOW, "");
        } catch (ValidationFailed e) {
            assertThat(e.status().value()).isEqualTo(422);
            return e.errors().stream().collect(java.util.stream.Collectors.toMap(FieldProblem::field,
                    FieldProblem::message, (a, b) -> a + "; " + b));
        }
        throw new AssertionError("accepted: " + command);
    }
}

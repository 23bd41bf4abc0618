package com.invgov.inventory.web;

import com.invgov.inventory.AbcClass;
import com.invgov.inventory.LocationType;
import com.invgov.inventory.MovementCommand;
import com.invgov.inventory.MovementType;
import com.invgov.inventory.Place;
import com.invgov.inventory.ReserveCommand;
import com.invgov.inventory.StockStatus;
import com.invgov.inventory.SupplierStatus;
import com.invgov.inventory.Tracking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Request bodies of the inventory API (DESIGN §6.1). Shape errors are 400; rule breaks are 422. */
final class Requests {

    private Requests() {
    }

    record PlaceRequest(@Size(max = 60) String location, StockStatus status) {
        Place toPlace() {
            return new Place(location, status);
        }
    }

    record MovementRequest(@NotNull MovementType type, @NotBlank @Size(max = 60) String sku,
                           @NotNull BigDecimal quantity, @NotBlank @Size(max = 20) String uom,
                           @Size(max = 60) String lot, @Size(max = 60) String serial,
                           @Valid PlaceRequest from, @Valid PlaceRequest to, @Size(max = 100) String reference,
                           @Size(max = 40) String reasonCode, Instant eventTime,
                           @Size(max = 100) String sourceSystem) {
        MovementCommand toCommand() {
            return new MovementCommand(type, sku, quantity, uom, lot, serial, from == null ? null : from.toPlace(),
                    to == null ? null : to.toPlace(), reference, reasonCode, eventTime, sourceSystem);
        }
    }

    record BatchRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid MovementRequest> movements) {
    }

    record ConversionRequest(@NotBlank @Size(max = 20) String uom, @NotNull BigDecimal factor) {
    }

    record ItemRequest(@NotBlank @Size(max = 500) String description, @NotBlank @Size(max = 20) String baseUom,
                       @Size(max = 20) List<@NotNull @Valid ConversionRequest> uomConversions,
                       @NotNull Tracking tracking, @NotNull AbcClass abcClass, @Size(max = 60) String category,
                       @NotNull @PositiveOrZero @DecimalMax("1000000000000") BigDecimal unitCost,
                       Boolean regulated, @Positive Integer shelfLifeDays, @Size(max = 40) String defaultSupplier) {
    }

    record LocationRequest(@NotBlank @Size(max = 40) String warehouse, @NotNull LocationType type, Boolean countable,
                           Boolean allowNegative) {
    }

    record SiteRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 60) String timezone) {
    }

    record ReasonCodeRequest(@NotBlank @Size(max = 200) String description, @NotBlank @Size(max = 40) String glAccount) {
    }

    record WarehouseRequest(@NotBlank @Size(max = 20) String site, @NotBlank @Size(max = 200) String name) {
    }

    record SupplierRequest(@NotBlank @Size(max = 200) String name, @NotNull SupplierStatus status) {
    }

    record ReserveRequest(@NotBlank @Size(max = 60) String sku, @NotBlank @Size(max = 60) String location,
                          @Size(max = 60) String lot, @Size(max = 60) String serial,
                          @NotNull @Positive @DecimalMax("1000000000000") BigDecimal quantity,
                          @NotBlank @Size(max = 20) String uom, @NotBlank @Size(max = 100) String reference) {
        ReserveCommand toCommand() {
            return new ReserveCommand(sku, location, lot, serial, quantity, uom, reference);
        }
    }
}

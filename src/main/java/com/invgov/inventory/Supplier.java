package com.invgov.inventory;

public record Supplier(String code, String name, SupplierStatus status) {
}

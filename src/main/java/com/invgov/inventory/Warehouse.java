package com.invgov.inventory;

public record Warehouse(String code, String site, String name) {
}

package com.invgov.inventory;

public record Site(String code, String name, String timezone) {
}

package com.invgov.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Items, BOM lines, stock and calls of the production API for tests, each run on fresh SKUs. */
public final class ProductionFixture {

    public static final String LINE_SIDE = "P1-WH1-PROD";
    public static final String STAGING = "P1-WH1-STG";

    private final int port;
    private final JdbcClient jdbc;

    public ProductionFixture(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** A new item: tracking LOT, NONE or SERIAL; extra JSON members such as a UoM conversion or shelf life. */
    public String item(String prefix, String tracking, String unitCost, String extra) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Production test part", "baseUom": "EA", "tracking": "%s", "abcClass": "C",
                         "category": "TST", "unitCost": %s, "regulated": false%s}"""
                        .formatted(tracking, unitCost, extra == null ? "" : ", " + extra))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.toString()).isTrue();
        return sku;
    }

    public void bomLine(String product, int line, String component, String quantity, String uom, String consumption) {
        jdbc.sql("""
                INSERT INTO bom_line (product, revision, status, effective_from, line, component, quantity, uom, consumption)
                VALUES (?, 'A', 'ACTIVE', DATE '2026-01-01', ?, ?, ?, ?, ?)""")
                .params(product, line, component, new BigDecimal(quantity), uom, consumption).update();
    }

    /** Stock straight into a location (RECEIPT), lot/serial optional, at an event time (which dates the lot). */
    public void stock(String sku, String lot, String serial, int quantity, String location, Instant eventTime) {
        ResponseEntity<JsonNode> r = post("olga", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": %s, "serial": %s,
                 "to": {"location": "%s"}, "eventTime": %s}""".formatted(sku, quantity, json(lot), json(serial),
                location, eventTime == null ? "null" : "\"" + eventTime + "\""));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    public String order(String product, int quantity, String issueLocation) {
        ResponseEntity<JsonNode> r = post("petra", "/api/v1/production-orders", """
                {"sku": "%s", "bomRevision": "A", "quantity": %d, "issueLocation": %s}"""
                .formatted(product, quantity, json(issueLocation)));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    public BigDecimal balance(String sku, String location, String lot, String status) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM balance
                 WHERE sku = ? AND location = ? AND lot = ? AND status = ?""")
                .params(sku, location, lot == null ? "" : lot, status).query(BigDecimal.class).single();
    }

    public int movements(String sku) {
        return jdbc.sql("SELECT count(*) FROM movement WHERE sku = ?").param(sku).query(Integer.class).single();
    }

    public ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "pr-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return Api.as(port, user).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}

package com.invgov.quality.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Items, receipts and holds for the quality console tests, made through the API as the demo users would. */
record QualityFixture(int port, JdbcClient jdbc) {

    static final String LOC = "P1-WH1-A-03-03";

    /** A new lot-tracked item (so its first receipt from a supplier is inspected). */
    String item(String category, String unitCost, boolean regulated) {
        String sku = "QC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> r = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"description": "Quality console part", "baseUom": "EA", "tracking": "LOT", "abcClass": "B",
                         "category": "%s", "unitCost": %s, "regulated": %s}""".formatted(category, unitCost, regulated))
                .retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return sku;
    }

    /** An expected receipt line from S001 into P1-WH1, due today; returns its PO. */
    String expected(String sku, int quantity) {
        String po = "PO-QC-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S001', ?, ?, 'EA', ?, 'P1-WH1')""").params(po, sku, quantity, LocalDate.now()).update();
        return po;
    }

    /** Receives against the PO line at the dock as olga; returns the receipt. */
    JsonNode receive(String po, String lot, int quantity) {
        ResponseEntity<JsonNode> r = post("olga", "/api/v1/receipts", """
                {"po": "%s", "line": 1, "quantity": %d, "uom": "EA", "lot": "%s"}""".formatted(po, quantity, lot));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody();
    }

    /** Puts {@code quantity} EA of a new lot into stock at {@link #LOC} and holds it as quinn; returns the hold. */
    JsonNode heldLot(String sku, String lot, int quantity) {
        ResponseEntity<JsonNode> m = Api.as(port, "olga").post().uri("/api/v1/movements")
                .header("Idempotency-Key", "qc-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"type": "RECEIPT", "sku": "%s", "quantity": %d, "uom": "EA", "lot": "%s",
                         "to": {"location": "%s"}, "reference": "PO-QC"}""".formatted(sku, quantity, lot, LOC))
                .retrieve().toEntity(JsonNode.class);
        assertThat(m.getStatusCode().value()).as(String.valueOf(m.getBody())).isEqualTo(201);
        ResponseEntity<JsonNode> hold = post("quinn", "/api/v1/quality-holds", """
                {"sku": "%s", "lot": "%s", "reason": "burrs on thread"}""".formatted(sku, lot));
        assertThat(hold.getStatusCode().value()).as(String.valueOf(hold.getBody())).isEqualTo(201);
        return hold.getBody();
    }

    /** quinn proposes a disposition of the hold's first line. */
    JsonNode dispose(JsonNode hold, String disposition, int quantity) {
        ResponseEntity<JsonNode> r = post("quinn", "/api/v1/quality-holds/" + hold.get("id").asText()
                + "/dispositions", """
                {"lineId": "%s", "disposition": "%s", "quantity": %d}""".formatted(hold.at("/lines/0/id").asText(),
                disposition, quantity));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    BigDecimal stock(String sku, String location, String status) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ?
                   AND (cast(? AS varchar) IS NULL OR location = ?) AND status = ?""")
                .params(sku, location, location, status).query(BigDecimal.class).single();
    }

    /** The open user tasks of the process with this business key. */
    java.util.List<String> openTasks(String processKey, String businessKey) {
        return jdbc.sql("""
                SELECT t.task_def_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                 JOIN act_re_procdef d ON d.id_ = t.proc_def_id_
                 WHERE d.key_ = ? AND e.business_key_ = ?""").params(processKey, businessKey)
                .query(String.class).list();
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        return Api.as(port, user).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "qc-" + UUID.randomUUID()).body(body).retrieve().toEntity(JsonNode.class);
    }
}

package com.invgov.receiving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.receiving.ExpectedReceipt;
import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OverdueReceiptsTest {

    @LocalServerPort
    int port;
    @Autowired
    OverdueReceipts overdue;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverdueLineIsAnnouncedOnceInTheEventFeed() {
        String po = "PO-OD-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1'), (?, 2, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1')""")
                .params(po, LocalDate.now().minusDays(2), po, LocalDate.now().plusDays(2)).update();
        List<ExpectedReceipt> first = overdue.announceNow();
        assertThat(first).extracting(e -> e.po() + "/" + e.line()).contains(po + "/1").doesNotContain(po + "/2");
        assertThat(overdue.announceNow()).extracting(ExpectedReceipt::po).doesNotContain(po);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'ExpectedReceiptOverdue' AND subject_id = ?")
                .param(po + "/1").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theEventFeedCarriesAnOverdueLineOnceWhateverHowOftenTheCheckRuns() {
        String po = "PO-FEED-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1')""")
                .params(po, LocalDate.now().minusDays(1)).update();
        overdue.announceNow();
        overdue.announceNow();
        overdue.announce();
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10_000; page++) {
            JsonNode body = Api.as(port, "mes").get()
                    .uri("/api/v1/events?limit=1000" + (after == null ? "" : "&after=" + after))
                    .retrieve().toEntity(JsonNode.class).getBody();
            body.get("items").forEach(e -> {
                if (e.get("subjectId").asText().equals(po + "/1")) {
                    events.add(e);
                }
            });
            if (body.get("items").isEmpty()) {
                break;
            }
            after = body.get("next").asText();
        }
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("ExpectedReceiptOverdue");
        JsonNode payload = events.get(0).get("payload");
        assertThat(payload.get("overdue").asBoolean()).isTrue();
        assertThat(payload.get("open").decimalValue()).isEqualByComparingTo("500");
        assertThat(events.get(0).get("subjectType").asText()).isEqualTo("expected-receipt");
    }
}

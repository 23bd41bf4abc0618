package com.invgov.receiving.internal;

import com.invgov.receiving.ExpectedReceipt;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OverdueReceiptsTest {

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
}

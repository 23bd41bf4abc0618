package com.invgov.receiving.ui;

import com.invgov.receiving.ExpectedReceipt;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The dock's receipt form in a browserless Vaadin session: a bad scan names the wrong part, a good one posts. */
@IntegrationTest
class ReceivingViewTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void aBadScanNamesTheWrongPartAndAGoodReceiptPosts() {
        String po = "PO-UI-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S002', 'CAB-00003', 2, 'REEL', ?, 'P1-WH1')""").params(po, LocalDate.now()).update();
        signIn("olga", "OPERATOR");
        UI.getCurrent().navigate(ReceivingView.class);
        ReceivingView view = _get(ReceivingView.class);
        view.po.setValue(po);
        view.line.setValue(1);
        view.uom.setValue("REEL");
        view.quantity.setValue(new BigDecimal("2"));
        view.scan.setValue("(01)09501101020918(10)UI1");
        view.receive();
        assertThat(view.result.getText()).contains("check digit");
        assertThat(jdbc.sql("SELECT count(*) FROM receipt WHERE po = ?").param(po).query(Integer.class).single())
                .isZero();

        view.scan.setValue("(01)09501101020917(10)UI1");
        view.receive();
        assertThat(view.result.getText()).contains("1000 M of CAB-00003 lot UI1 at P1-WH1-DOCK");
        assertThat(jdbc.sql("SELECT count(*) FROM receipt WHERE po = ?").param(po).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theDockSeesWhatIsDueTodayWithTheOverdueLinesFirstAndFlagged() {
        String po = "PO-DUE-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse, closed)
                VALUES (?, 1, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', false),
                       (?, 2, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', false),
                       (?, 3, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', false),
                       (?, 4, 'S001', 'FAS-00001', 5, 'BOX', ?, 'P1-WH1', true)""")
                .params(po, today, po, today.minusDays(2), po, today.plusDays(1), po, today.minusDays(2)).update();
        signIn("olga", "OPERATOR");
        UI.getCurrent().navigate(ReceivingView.class);
        ReceivingView view = _get(ReceivingView.class);
        List<ExpectedReceipt> due = _fetch(view.due, 0, 1000);
        List<Integer> ours = due.stream().filter(e -> e.po().equals(po)).map(ExpectedReceipt::line).toList();
        assertThat(ours).as("overdue first, then today's; not tomorrow's, not a complete one").containsExactly(2, 1);
        int overdueRow = due.indexOf(due.stream().filter(e -> e.po().equals(po) && e.line() == 2).findFirst()
                .orElseThrow());
        int todayRow = due.indexOf(due.stream().filter(e -> e.po().equals(po) && e.line() == 1).findFirst()
                .orElseThrow());
        assertThat(_getFormattedRow(view.due, overdueRow).get(0)).isEqualTo("OVERDUE");
        assertThat(_getFormattedRow(view.due, todayRow).get(0)).isEmpty();
        assertThat(due.stream().filter(ExpectedReceipt::overdue)).allMatch(e -> e.dueDate().isBefore(today));
        assertThat(due).allMatch(e -> !e.dueDate().isAfter(today) && !e.closed());
        assertThat(view.dueTitle.getText()).matches("Due today: \\d+, overdue: \\d+");

        // picking the line fills the form; the scan comes next
        view.pick(due.get(todayRow));
        assertThat(view.po.getValue()).isEqualTo(po);
        assertThat(view.line.getValue()).isEqualTo(1);
        assertThat(view.uom.getValue()).isEqualTo("BOX");
    }

    void signIn(String username, String... roles) {
        ConsoleSession.signIn(context, username, roles);
    }
}

package com.invgov.receiving.ui;

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
import java.util.UUID;

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

    void signIn(String username, String... roles) {
        ConsoleSession.signIn(context, username, roles);
    }
}

package com.invgov.production.ui;

import com.invgov.production.ProductionFixture;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production console in a browserless session: a planner opens an order; an operator scans a component label
 * and issues it, reports a completion with backflush, and reports scrap with a reason; the traceability view
 * follows a serial.
 */
@IntegrationTest
class ProductionViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    String product;
    String bolt;
    String board;

    ProductionFixture f;

    @BeforeEach
    void setUp() {
        f = new ProductionFixture(port, jdbc);
        product = f.item("ASM", "LOT", "40.00", null);
        bolt = f.item("BLT", "LOT", "0.50", null);
        board = f.item("PCB", "LOT", "12.00", null);
        f.bomLine(product, 1, bolt, "2", "EA", "BACKFLUSH");
        f.bomLine(product, 2, board, "1", "EA", "MANUAL");
    }

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void aPlannerOpensAnOrderAndAnOperatorIssuesCompletesAndScraps() {
        ConsoleSession.signIn(context, "petra", "PLANNER");
        UI.getCurrent().navigate(ProductionView.class);
        ProductionView planner = _get(ProductionView.class);
        planner.newSku.setValue(product);
        planner.newRevision.setValue("A");
        planner.newQuantity.setValue(new BigDecimal("3"));
        planner.create();
        assertThat(planner.result.getText()).startsWith("Opened MO-").contains(product);
        assertThat(planner.createForm.isVisible()).isTrue();
        ConsoleSession.close();

        // stock line-side for the operator
        f.stock(bolt, "BL1", null, 20, ProductionFixture.LINE_SIDE, null);
        f.stock(board, "BR1", null, 5, ProductionFixture.LINE_SIDE, null);

        ConsoleSession.signIn(context, "olga", "OPERATOR");
        UI.getCurrent().navigate(ProductionView.class);
        ProductionView view = _get(ProductionView.class);
        assertThat(view.createForm.isVisible()).isFalse();
        var order = _findAll(view.orders).stream().filter(o -> o.sku().equals(product)).findFirst().orElseThrow();
        assertThat(order.status()).isEqualTo("OPEN");
        view.orders.select(order);

        // a keyboard-wedge scan of a GS1 label with the plant's item number (240) and the lot (10)
        view.scan.setValue("(240)" + board + "(10)BR1");
        assertThat(view.issueSku.getValue()).isEqualTo(board);
        assertThat(view.issueLot.getValue()).isEqualTo("BR1");
        view.scan.setValue("(240)" + board + "(10)BR1(17)991399");
        assertThat(view.result.getText()).startsWith("Bad scan");
        view.issueQuantity.setValue(new BigDecimal("3"));
        view.issueUom.setValue("EA");
        view.issueLocation.setValue("P1-WH1-PROD");
        view.issue();
        assertThat(view.result.getText()).isEqualTo("Issued 3 EA of " + board + " to MO-" + order.id());

        view.doneQuantity.setValue(new BigDecimal("3"));
        view.doneLot.setValue("UI-" + order.id());
        view.doneLocation.setValue("P1-WH1-STG");
        assertThat(view.backflush.getValue()).isTrue();
        view.complete();
        assertThat(view.result.getText()).contains("produced 3 of 3", "1 component lots backflushed");
        assertThat(balance(bolt, "BL1")).isEqualByComparingTo("14");

        view.scrapSku.setValue(bolt);
        view.scrapLot.setValue("BL1");
        view.scrapQuantity.setValue(new BigDecimal("4"));
        view.scrapUom.setValue("EA");
        view.scrapLocation.setValue("P1-WH1-PROD");
        view.scrap();
        assertThat(view.result.getText()).contains("reasonCode");
        assertThat(balance(bolt, "BL1")).isEqualByComparingTo("14");
        view.scrapReason.setValue("SETUP");
        view.scrap();
        assertThat(view.result.getText()).isEqualTo("Scrapped 4 of " + bolt + " (SETUP) on MO-" + order.id());
        assertThat(balance(bolt, "BL1")).isEqualByComparingTo("10");
        var after = _findAll(view.orders).stream().filter(o -> o.id().equals(order.id())).findFirst().orElseThrow();
        assertThat(after.produced()).isEqualByComparingTo("3");
    }

    @Test
    void aQualityEngineerReadsOrdersButCannotReportAndAnAuditorCannotOpenTheView() {
        ConsoleSession.signIn(context, "quinn", "QUALITY");
        UI.getCurrent().navigate(ProductionView.class);
        ProductionView view = _get(ProductionView.class);
        assertThat(view.createForm.isVisible()).isFalse();
        assertThat(view.actions.isEnabled()).isFalse();
        ConsoleSession.close();

        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ProductionView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }

    @Test
    void theTraceabilityViewFollowsASerialWhenTheUserChoosesSerial() {
        String pump = f.item("PMP", "SERIAL", "900.00", null);
        String motor = f.item("MOT", "SERIAL", "300.00", null);
        f.bomLine(pump, 1, motor, "1", "EA", "BACKFLUSH");
        String m = "M-" + pump;
        f.stock(motor, null, m, 1, ProductionFixture.LINE_SIDE, null);
        String mo = f.order(pump, 1, null);
        String s = "S-" + pump;
        assertThat(f.post("olga", "/api/v1/production-orders/" + mo + "/completions", """
                {"quantity": 1, "uom": "EA", "serials": ["%s"], "location": "%s", "backflush": true}"""
                .formatted(s, ProductionFixture.STAGING)).getStatusCode().value()).isEqualTo(201);

        ConsoleSession.signIn(context, "quinn", "QUALITY");
        UI.getCurrent().navigate(TraceabilityView.class);
        TraceabilityView view = _get(TraceabilityView.class);
        assertThat(view.serial.isVisible()).isFalse();
        view.by.setValue("Serial");
        assertThat(view.serial.isVisible()).isTrue();
        assertThat(view.lot.isVisible()).isFalse();
        view.sku.setValue(motor);
        view.serial.setValue(m);
        view.trace();
        assertThat(view.message.getText()).startsWith(motor + " serial " + m);
        assertThat(_findAll(view.downstream)).extracting(n -> n.serial()).containsExactly(s);
        // where it is now: the motor is consumed, the pump made from it is in staging
        assertThat(_findAll(view.locations)).extracting(p -> p.serial()).containsExactly(s);

        view.sku.setValue(pump);
        view.serial.setValue(s);
        view.trace();
        assertThat(_findAll(view.upstream)).extracting(n -> n.serial()).containsExactly(m);
        assertThat(_findAll(view.locations)).extracting(p -> p.location()).containsExactly(ProductionFixture.STAGING);
    }

    private BigDecimal balance(String sku, String lot) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND lot = ? AND status = 'AVAILABLE'"
                + " AND location = 'P1-WH1-PROD'").params(sku, lot).query(BigDecimal.class).single();
    }
}

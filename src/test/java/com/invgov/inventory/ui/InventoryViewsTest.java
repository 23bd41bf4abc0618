package com.invgov.inventory.ui;

import com.invgov.inventory.Balance;
import com.invgov.inventory.StockStatus;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Stock view's filters and the transfer form, in a browserless Vaadin session signed in as a demo user. */
@IntegrationTest
class InventoryViewsTest {


    @Autowired
    ApplicationContext context;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    void signIn(String username, String... roles) {
        ConsoleSession.signIn(context, username, roles);
    }

    @Test
    void stockViewFiltersByWarehouseStatusAndSku() {
        signIn("audrey", "AUDITOR");
        UI.getCurrent().navigate(StockView.class);
        StockView view = _get(StockView.class);
        @SuppressWarnings("unchecked")
        Grid<Balance> grid = _get(Grid.class, spec -> spec.withId("stock-grid"));
        assertThat(_fetch(grid, 0, 50)).hasSize(50);

        view.warehouse.setValue("P2-WH1");
        List<Balance> p2 = _fetch(grid, 0, 1000);
        assertThat(p2).isNotEmpty().allSatisfy(b -> assertThat(b.warehouse()).isEqualTo("P2-WH1"));

        view.warehouse.clear();
        view.sku.setValue("FAS-00001");
        view.status.setValue(StockStatus.AVAILABLE);
        List<Balance> bolts = _fetch(grid, 0, 100);
        assertThat(bolts).isNotEmpty().allSatisfy(b -> {
            assertThat(b.sku()).isEqualTo("FAS-00001");
            assertThat(b.status()).isEqualTo(StockStatus.AVAILABLE);
        });
        assertThat(bolts).extracting(Balance::location).contains("P1-WH1-A-03-03");
    }

    @Test
    void anOperatorScansAndPostsATransfer() {
        signIn("omar", "OPERATOR");
        UI.getCurrent().navigate(TransferView.class);
        TransferView form = _get(TransferView.class);
        BigDecimal before = quantity("NUT-00002", "P1-WH1-STG");

        form.scanned("NUT-00002@P1-WH1-B-01-01");
        form.scanned("P1-WH1-STG");
        assertThat(form.sku.getValue()).isEqualTo("NUT-00002");
        assertThat(form.from.getValue()).isEqualTo("P1-WH1-B-01-01");
        assertThat(form.to.getValue()).isEqualTo("P1-WH1-STG");
        assertThat(form.uom.getValue()).isEqualTo("EA");

        form.quantity.setValue(new BigDecimal("1"));
        form.uom.setValue("BOX");
        form.post.click();
        assertThat(form.result.getText()).startsWith("Posted #");
        assertThat(quantity("NUT-00002", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(200)));

        form.quantity.setValue(new BigDecimal("100000"));
        form.post.click();
        assertThat(form.result.getText()).startsWith("Not posted").contains("Not enough NUT-00002");
        assertThat(quantity("NUT-00002", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(200)));

        form.scanned("NOT-A-CODE");
        assertThat(form.result.getText()).contains("Unknown code");
    }

    @Test
    void itemViewShowsBalancesAndTheLedgerNewestFirst() {
        signIn("ivan", "INVENTORY_CONTROLLER");
        UI.getCurrent().navigate(ItemView.class, "FAS-00001");
        ItemView view = _get(ItemView.class);
        assertThat(view.summary.getText()).contains("FAS-00001").contains("BOX = 100 EA");
        assertThat(_fetch(view.balances, 0, 100)).isNotEmpty();
        var ledger = _fetch(view.ledgerGrid, 0, 100);
        assertThat(ledger).isNotEmpty();
        for (int i = 1; i < ledger.size(); i++) {
            assertThat(Long.parseLong(ledger.get(i - 1).id())).isGreaterThan(Long.parseLong(ledger.get(i).id()));
        }
    }

    @Test
    void theStockOutsTileCountsAPostingRefusedForLackOfStock() {
        StockOutsTile tile = context.getBean(StockOutsTile.class);
        long before = Long.parseLong(tile.read().headline());

        var refused = com.invgov.support.Api.as(port, "olga").post().uri("/api/v1/movements")
                .header("Idempotency-Key", "so-" + java.util.UUID.randomUUID())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                        {"type": "TRANSFER", "sku": "NUT-00002", "quantity": 99999999, "uom": "EA",
                         "from": {"location": "P1-WH1-B-01-01"}, "to": {"location": "P1-WH1-STG"}}""")
                .retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);

        var after = tile.read();
        assertThat(Long.parseLong(after.headline())).isEqualTo(before + 1);
        assertThat(after.detail()).contains("postings refused for lack of stock");
        assertThat(after.tone()).isEqualTo(com.invgov.console.TileValue.Tone.WARNING);
    }

    private BigDecimal quantity(String sku, String location) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM balance WHERE sku = ? AND location = ?")
                .params(sku, location).query(BigDecimal.class).single();
    }
}

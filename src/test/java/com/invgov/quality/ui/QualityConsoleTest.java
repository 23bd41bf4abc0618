package com.invgov.quality.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;
import com.invgov.quality.IncomingInspections.InspectionTask;
import com.invgov.quality.MrbRequest;
import com.invgov.quality.OpenHold;
import com.invgov.quality.QualityHolds;
import com.invgov.rules.model.Disposition;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quality console in a browserless Vaadin session: (a) inspection tasks and their checklist form, (b) open
 * holds with quantity and value, (c) the disposition form and its MRB forecast, (d) the MRB inbox with segregation
 * of duties.
 */
@IntegrationTest
class QualityConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    QualityFixture f;

    @BeforeEach
    void setUp() {
        f = new QualityFixture(port, jdbc);
    }

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void anInspectorFillsTheCategoryChecklistAPassGoesToPutawayAFailOnHold() {
        String passing = f.item("FAS", "0.50", false);
        String passPo = f.expected(passing, 100);
        String passId = f.receive(passPo, "IA1", 40).get("id").asText();
        String failing = f.item("FAS", "0.50", false);
        String failId = f.receive(f.expected(failing, 100), "IB1", 10).get("id").asText();

        QualityView view = open("quinn", "QUALITY");
        InspectionPanel panel = view.inspections;
        assertThat(view.inspectionsTab.getLabel()).matches("Inspections \\(\\d+\\)");
        InspectionTask task = task(panel, passId).orElseThrow();
        assertThat(task.sku()).isEqualTo(passing);
        assertThat(task.lot()).isEqualTo("IA1");
        assertThat(task.supplier()).isEqualTo("S001");
        assertThat(task.quantity()).isEqualByComparingTo("40");
        assertThat(InspectionPanel.why(task)).matches("first receipt \\(receiving-inspection v\\d+\\)");
        int row = _fetch(panel.tasks, 0, 1000).indexOf(task);
        assertThat(_getFormattedRow(panel.tasks, row)).contains(passing + " Quality console part", "IA1", "S001",
                "40 EA", passPo + "/1");

        panel.tasks.select(task);
        assertThat(panel.subject.getText()).contains("40 EA of " + passing, "lot IA1", "from S001",
                "first receipt");
        assertThat(panel.passFail.keySet()).containsExactly("Packaging undamaged", "Thread go/no-go gauge");
        assertThat(panel.measured.keySet()).containsExactly("Zinc coating thickness");
        assertThat(panel.measured.get("Zinc coating thickness").getLabel()).contains("5–25 um");
        assertThat(panel.submit.isEnabled()).isFalse();
        panel.passFail.get("Packaging undamaged").setValue(InspectionPanel.PASS);
        panel.passFail.get("Thread go/no-go gauge").setValue(InspectionPanel.PASS);
        var zinc = panel.measured.get("Zinc coating thickness");
        zinc.setValue(new BigDecimal("31"));
        assertThat(zinc.isInvalid()).isTrue();
        assertThat(panel.verdict.getText()).startsWith("FAILS: Zinc coating thickness 31 um");
        zinc.setValue(new BigDecimal("12.5"));
        assertThat(zinc.isInvalid()).isFalse();
        assertThat(panel.verdict.getText()).startsWith("PASSES");
        panel.submit.click();
        assertThat(panel.result.getText()).isEqualTo("Receipt " + passId + " passed: AVAILABLE, waiting for putaway");
        assertThat(f.stock(passing, "P1-WH1-DOCK", "AVAILABLE")).isEqualByComparingTo("40");
        assertThat(f.openTasks("receiving", passId)).containsExactly("putaway");
        assertThat(task(panel, passId)).isEmpty();

        panel.tasks.select(task(panel, failId).orElseThrow());
        panel.passFail.get("Packaging undamaged").setValue(InspectionPanel.PASS);
        panel.passFail.get("Thread go/no-go gauge").setValue(InspectionPanel.FAIL);
        panel.measured.get("Zinc coating thickness").setValue(new BigDecimal("10"));
        assertThat(panel.verdict.getText()).isEqualTo(
                "FAILS: Thread go/no-go gauge → the receipt goes on quality hold");
        panel.submit.click();
        assertThat(panel.result.getText()).isEqualTo("Receipt " + failId + " failed: on quality hold");
        assertThat(f.stock(failing, "P1-WH1-DOCK", "QUARANTINE")).isEqualByComparingTo("10");
        assertThat(f.openTasks("receiving", failId)).isEmpty();
        // the hold it started is in the holds list at once
        assertThat(holds(view)).anySatisfy(h -> {
            assertThat(h.skus()).isEqualTo(failing);
            assertThat(h.source()).isEqualTo("INSPECTION");
        });
    }

    @Test
    void openHoldsShowQuantityValueLotLocationReasonAndWhoOpenedThem() {
        String sku = f.item("TST", "2.50", false);
        String lot = "HB" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode hold = f.heldLot(sku, lot, 100);

        QualityView view = open("quinn", "QUALITY");
        view.tabs.setSelectedTab(view.holdsTab);
        OpenHold row = row(view, hold);
        assertThat(row.quantity()).isEqualByComparingTo("100");
        assertThat(row.uom()).isEqualTo("EA");
        assertThat(row.value()).isEqualByComparingTo("250.00");
        List<String> cells = _getFormattedRow(view.holds.holds, _fetch(view.holds.holds, 0, 1000).indexOf(row));
        assertThat(cells).contains(hold.get("id").asText(), "MANUAL", sku, lot, QualityFixture.LOC, "100 EA",
                "250.00", "burrs on thread", "quinn");
        assertThat(view.holds.total.getText()).matches("\\d+ open holds, value \\d+\\.\\d{2}");
    }

    @Test
    void theDispositionFormSaysWhetherTheMrbMustApproveAndPostsPartialQuantities() {
        String sku = f.item("TST", "2.50", false);
        JsonNode hold = f.heldLot(sku, "DF" + UUID.randomUUID().toString().substring(0, 6), 100);
        String holdId = hold.get("id").asText();

        QualityView view = open("quinn", "QUALITY");
        view.tabs.setSelectedTab(view.holdsTab);
        view.holds.holds.select(row(view, hold));
        DispositionForm form = view.holds.disposition;
        assertThat(form.isVisible()).isTrue();
        assertThat(form.line.getValue().remaining()).isEqualByComparingTo("100");
        assertThat(form.quantity.getValue()).isEqualByComparingTo("100");
        form.disposition.setValue(Disposition.RELEASE);
        form.quantity.setValue(new BigDecimal("30"));
        assertThat(form.mrb.getText()).startsWith("No MRB approval needed: posted at once — value 75.00");
        form.disposition.setValue(Disposition.USE_AS_IS);
        assertThat(form.mrb.getText()).startsWith(
                "MRB approval required (QUALITY, INVENTORY_CONTROLLER) before posting — value 75.00");
        form.quantity.setValue(new BigDecimal("101"));
        assertThat(form.mrb.getText()).isEqualTo("Only 100 EA are left to dispose of.");
        // a forecast decides nothing: the decision log has no trace of it
        assertThat(jdbc.sql("SELECT count(*) FROM decision_log WHERE subject = ?")
                .param("preview:quality-hold:" + holdId).query(Integer.class).single()).isZero();

        form.disposition.setValue(Disposition.RELEASE);
        form.quantity.setValue(new BigDecimal("30"));
        form.submit.click();
        assertThat(form.result.getText()).isEqualTo("RELEASE of 30 EA posted");
        assertThat(f.stock(sku, QualityFixture.LOC, "AVAILABLE")).isEqualByComparingTo("30");
        OpenHold after = row(view, hold);
        assertThat(after.quantity()).isEqualByComparingTo("70");
        assertThat(after.value()).isEqualByComparingTo("175.00");

        form.disposition.setValue(Disposition.USE_AS_IS);
        form.quantity.setValue(new BigDecimal("70"));
        form.comment.setValue("cosmetic burr only");
        form.submit.click();
        assertThat(form.result.getText()).isEqualTo(
                "USE_AS_IS of 70 EA waits for MRB approval (QUALITY, INVENTORY_CONTROLLER)");
        OpenHold waiting = row(view, hold);
        assertThat(waiting.quantity()).as("still in QUARANTINE while the MRB decides").isEqualByComparingTo("70");
        assertThat(waiting.value()).isEqualByComparingTo("175.00");
        assertThat(waiting.awaitingMrb()).isEqualTo(1);
        assertThat(form.submit.isEnabled()).isFalse();
        assertThat(f.stock(sku, QualityFixture.LOC, "QUARANTINE")).isEqualByComparingTo("70");
    }

    @Test
    void theMrbInboxOffersEachRoleToADifferentPersonAndTheProposerNeverAlone() {
        String sku = f.item("TST", "2.50", false);
        JsonNode hold = f.heldLot(sku, "MR" + UUID.randomUUID().toString().substring(0, 6), 40);
        JsonNode pending = f.dispose(hold, "USE_AS_IS", 40);
        String did = pending.at("/dispositions/0/id").asText();

        // an operator is refused by the service
        ConsoleSession.signIn(context, "olga", "OPERATOR");
        assertThatThrownBy(() -> context.getBean(QualityHolds.class).decideMrb(did, true, "mine"))
                .isInstanceOf(ApiProblem.class);
        ConsoleSession.close();

        // the proposer sits on the board and is offered it
        QualityView view = open("quinn", "QUALITY");
        view.tabs.setSelectedTab(view.mrbTab);
        MrbRequest request = inbox(view).stream().filter(r -> r.dispositionId().equals(did)).findFirst()
                .orElseThrow();
        assertThat(request.value()).isEqualByComparingTo("100.00");
        assertThat(request.proposedBy()).isEqualTo("quinn");
        assertThat(MrbPanel.approvals(request)).isEqualTo("QUALITY: open, INVENTORY_CONTROLLER: open");
        view.mrb.inbox.select(request);
        view.mrb.comment.setValue("cosmetic only");
        view.mrb.approve.click();
        assertThat(view.mrb.result.getText()).isEqualTo("Approved USE_AS_IS of hold " + hold.get("id").asText()
                + ": PENDING_MRB");
        assertThat(inbox(view)).as("nobody approves twice").noneMatch(r -> r.dispositionId().equals(did));
        ConsoleSession.close();

        view = open("ivan", "INVENTORY_CONTROLLER");
        assertThat(view.tabs.getSelectedTab()).isEqualTo(view.mrbTab);
        assertThat(view.holds.hold.isEnabled()).as("only QUALITY holds").isFalse();
        request = inbox(view).stream().filter(r -> r.dispositionId().equals(did)).findFirst().orElseThrow();
        assertThat(MrbPanel.approvals(request)).isEqualTo("QUALITY: quinn, INVENTORY_CONTROLLER: open");
        view.mrb.inbox.select(request);
        view.mrb.approve.click();
        assertThat(view.mrb.result.getText()).endsWith(": POSTED");
        assertThat(f.stock(sku, QualityFixture.LOC, "AVAILABLE")).isEqualByComparingTo("40");
        assertThat(holds(view)).noneMatch(h -> h.id().equals(hold.get("id").asText()));
    }

    @Test
    void anMrbRejectionWithACommentGivesTheQuantityBackToTheHold() {
        String sku = f.item("TST", "2.50", true);
        JsonNode hold = f.heldLot(sku, "RJ" + UUID.randomUUID().toString().substring(0, 6), 8);
        String did = f.dispose(hold, "RELEASE", 8).at("/dispositions/0/id").asText();

        QualityView view = open("iris", "INVENTORY_CONTROLLER");
        view.mrb.inbox.select(inbox(view).stream().filter(r -> r.dispositionId().equals(did)).findFirst()
                .orElseThrow());
        view.mrb.comment.setValue("regulated: not without a test report");
        view.mrb.reject.click();
        assertThat(view.mrb.result.getText()).endsWith(": REJECTED");
        assertThat(inbox(view)).noneMatch(r -> r.dispositionId().equals(did));
        assertThat(jdbc.sql("SELECT comment FROM quality_mrb_approval WHERE disposition_id = ?")
                .param(Long.parseLong(did)).query(String.class).single())
                .isEqualTo("regulated: not without a test report");
        OpenHold back = row(view, hold);
        assertThat(back.quantity()).isEqualByComparingTo("8");
        assertThat(back.awaitingMrb()).isZero();
        assertThat(f.stock(sku, QualityFixture.LOC, "QUARANTINE")).isEqualByComparingTo("8");
    }

    // ---- helpers

    private QualityView open(String username, String... roles) {
        ConsoleSession.signIn(context, username, roles);
        UI.getCurrent().navigate(QualityView.class);
        return _get(QualityView.class);
    }

    private static Optional<InspectionTask> task(InspectionPanel panel, String receiptId) {
        return _fetch(panel.tasks, 0, 1000).stream().filter(t -> t.receiptId().equals(receiptId)).findFirst();
    }

    private static List<OpenHold> holds(QualityView view) {
        return _fetch(view.holds.holds, 0, 1000);
    }

    private static OpenHold row(QualityView view, JsonNode hold) {
        return holds(view).stream().filter(h -> h.id().equals(hold.get("id").asText())).findFirst().orElseThrow();
    }

    private static List<MrbRequest> inbox(QualityView view) {
        Grid<MrbRequest> grid = view.mrb.inbox;
        return _fetch(grid, 0, 1000);
    }
}

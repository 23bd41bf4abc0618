package com.invgov.engineering.ui;

import com.invgov.engineering.EcoFixture;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engineering change console in a browserless session: an engineer raises a change and sees its impact and
 * routing; a bad line is answered with the field; an auditor reads the list and the detail but has no raise form.
 */
@IntegrationTest
class EngineeringChangeViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void anEngineerRaisesAChangeAndSeesItsImpactAndRouting() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String keep = f.component("KEEP", "1.00", false);
        String old = f.component("OLD", "2.50", false);
        f.bom("A", "ACTIVE", keep + ":1", old + ":1");
        f.stock(old, 40);

        ConsoleSession.signIn(context, "erik", "ENGINEER");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView view = _get(EngineeringChangeView.class);
        assertThat(view.raiseForm.isVisible()).isTrue();
        view.product.setValue(f.product);
        view.effectiveFrom.setValue(LocalDate.now(ZoneOffset.UTC).plusDays(7));
        view.lines.setValue(keep + " 1 EA MANUAL\n" + keep + " 2 KG manual");
        view.reason.setValue("drop the old bracket");
        view.raise();
        assertThat(view.result.getText()).contains("lines[1].component").contains("lines[1].uom");

        view.lines.setValue(keep + " 2 EA MANUAL");
        view.raise();
        assertThat(view.result.getText()).startsWith("Raised ECO-").contains("rev B")
                .contains("ENGINEER, PLANNER");
        var row = _findAll(view.changes).stream().filter(s -> s.product().equals(f.product)).findFirst()
                .orElseThrow();
        assertThat(row.status().name()).isEqualTo("PENDING_APPROVAL");
        assertThat(view.changes.asSingleSelect().getValue()).isEqualTo(row);
        assertThat(view.detail.getElement().getText() + textOf(view)).contains("eco-routing v")
                .contains("obsolete write-off 100.00").contains(old + " DROPPED").contains(keep + " INCREASED");
        assertThat(_findAll(view.outgoing)).singleElement()
                .satisfies(o -> assertThat(o.onHand()).isEqualByComparingTo("40"));
    }

    @Test
    void anAuditorReadsChangesButRaisesNone() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        ConsoleSession.signIn(context, "erik", "ENGINEER");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView erik = _get(EngineeringChangeView.class);
        erik.product.setValue(f.product);
        erik.lines.setValue(a + " 5 EA BACKFLUSH");
        erik.reason.setValue("more of A");
        erik.raise();
        assertThat(erik.result.getText()).startsWith("Raised ECO-");
        ConsoleSession.close();

        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView view = _get(EngineeringChangeView.class);
        assertThat(view.raiseForm.isVisible()).isFalse();
        view.statusFilter.setValue("PENDING_APPROVAL");
        var row = _findAll(view.changes).stream().filter(s -> s.product().equals(f.product)).findFirst()
                .orElseThrow();
        view.changes.select(row);
        assertThat(textOf(view)).contains(row.id()).contains("raised by erik").contains("Approvals: none yet");
        view.statusFilter.setValue("REJECTED");
        assertThat(_findAll(view.changes)).noneMatch(s -> s.id().equals(row.id()));
    }

    @Test
    void approversDecideAndThePlannerRecordsTheDispositionInTheView() {
        EcoFixture f = EcoFixture.product(port, jdbc);
        String a = f.component("A", "1.00", false);
        f.bom("A", "ACTIVE", a + ":1");
        ConsoleSession.signIn(context, "erik", "ENGINEER");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView erik = _get(EngineeringChangeView.class);
        erik.product.setValue(f.product);
        erik.effectiveFrom.setValue(LocalDate.now(ZoneOffset.UTC).plusDays(3));
        erik.lines.setValue(a + " 4 EA MANUAL");
        erik.reason.setValue("four of A");
        erik.raise();
        String id = erik.changes.asSingleSelect().getValue().id();
        assertThat(erik.approvalForm.isVisible()).as("whoever raised it has no approval to give").isFalse();
        ConsoleSession.close();

        ConsoleSession.signIn(context, "petra", "PLANNER");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView petra = select(id);
        assertThat(petra.approvalForm.isVisible()).isTrue();
        petra.decide(false);
        assertThat(petra.result.getText()).contains("comment");
        petra.decide(true);
        assertThat(petra.result.getText()).isEqualTo("Approved " + id);
        assertThat(petra.approvalForm.isVisible()).as("one decision per person").isFalse();
        ConsoleSession.close();

        ConsoleSession.signIn(context, EcoFixture.SECOND_ENGINEER, "ENGINEER");
        UI.getCurrent().navigate(EngineeringChangeView.class);
        EngineeringChangeView eli = select(id);
        eli.decide(true);
        assertThat(eli.changes.asSingleSelect().getValue().status().name()).isEqualTo("PENDING_DISPOSITION");
        assertThat(eli.dispositionForm.isVisible()).isTrue();
        eli.dispose();
        assertThat(eli.result.getText()).contains("disposition");
        eli.disposition.setValue(com.invgov.engineering.StockDisposition.KEEP);
        eli.dispose();
        assertThat(eli.result.getText()).isEqualTo("Disposition of " + id + ": KEEP");
        assertThat(eli.changes.asSingleSelect().getValue().status().name()).isEqualTo("SCHEDULED");
        assertThat(textOf(eli)).contains("Old stock: KEEP by " + EcoFixture.SECOND_ENGINEER);
    }

    private static EngineeringChangeView select(String id) {
        EngineeringChangeView view = _get(EngineeringChangeView.class);
        view.changes.select(_findAll(view.changes).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow());
        return view;
    }

    private static String textOf(EngineeringChangeView view) {
        StringBuilder text = new StringBuilder();
        view.detail.getChildren().forEach(c -> text.append(c.getElement().getTextRecursively()).append('\n'));
        return text.toString();
    }
}

package com.invgov.audit.ui;

import com.invgov.audit.AuditEntry;
import com.invgov.support.Api;
import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Admin area's audit trail: filters, newest first, lazy pages, before and after of an entry. */
@IntegrationTest
class AuditViewTest {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @AfterEach
    void tearDown() {
        ConsoleSession.close();
    }

    @Test
    void anAuditorFindsAChangeAndSeesItsFieldsBeforeAndAfter() {
        String location = "P1-WH1-AUV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        putLocation("ada", location, true);
        putLocation("alan", location, false);

        ConsoleSession.signIn(context, "audrey", "AUDITOR");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        // unfiltered, newest first
        List<AuditEntry> all = _fetch(view.grid, 0, 50);
        assertThat(all).isNotEmpty();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).id()).isGreaterThan(all.get(i).id());
        }

        view.subjectId.setValue(location);
        List<AuditEntry> mine = _fetch(view.grid, 0, 50);
        assertThat(mine).extracting(AuditEntry::action).containsExactly("LOCATION_CHANGED", "LOCATION_CREATED");
        assertThat(mine).extracting(AuditEntry::actor).containsExactly("alan", "ada");

        view.actor.setValue("ada");
        assertThat(_fetch(view.grid, 0, 50)).extracting(AuditEntry::action).containsExactly("LOCATION_CREATED");
        view.actor.clear();
        view.action.setValue("LOCATION_CHANGED");
        assertThat(_fetch(view.grid, 0, 50)).extracting(AuditEntry::actor).containsExactly("alan");
        view.action.clear();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        view.from.setValue(today.plusDays(1));
        assertThat(_fetch(view.grid, 0, 50)).isEmpty();
        view.from.setValue(today.minusDays(1));
        view.to.setValue(today);
        assertThat(_fetch(view.grid, 0, 50)).hasSize(2);

        view.grid.select(mine.get(0));
        assertThat(view.detailTitle.getText()).contains("LOCATION_CHANGED", location, "alan");
        List<FieldDiff.Row> rows = _fetch(view.diff, 0, 100);
        assertThat(rows).filteredOn(FieldDiff.Row::changed).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("countable");
            assertThat(r.before()).isEqualTo("true");
            assertThat(r.after()).isEqualTo("false");
        });
        assertThat(view.before.getText()).contains("\"countable\" : true");
        assertThat(view.after.getText()).contains("\"countable\" : false");
    }

    @Test
    void theGridPagesLazilyInOrderAndJumpsAhead() {
        String location = "P1-WH1-AUG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < 5; i++) {
            putLocation(i % 2 == 0 ? "ada" : "alan", location, i % 2 == 0);
        }
        ConsoleSession.signIn(context, "ada", "ADMIN");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        view.subjectId.setValue(location);
        List<AuditEntry> all = _fetch(view.grid, 0, 50);
        assertThat(all).hasSize(5);
        assertThat(all.get(4).action()).isEqualTo("LOCATION_CREATED");

        // a fresh filter, then pages of two as the grid asks them, then a jump to the last row
        view.subjectId.setValue(location + " ");
        assertThat(_fetch(view.grid, 0, 2)).isEqualTo(all.subList(0, 2));
        assertThat(_fetch(view.grid, 2, 2)).isEqualTo(all.subList(2, 4));
        assertThat(_fetch(view.grid, 4, 2)).isEqualTo(all.subList(4, 5));
        view.subjectId.setValue(location);
        assertThat(_fetch(view.grid, 4, 1)).isEqualTo(all.subList(4, 5));
        assertThat(_fetch(view.grid, 1, 2)).isEqualTo(all.subList(1, 3));
    }

    @Test
    void anOperatorCannotOpenTheAuditTrailInTheConsole() {
        ConsoleSession.signIn(context, "olga", "OPERATOR");
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThat(_find(AuditView.class)).isEmpty();
    }

    private void putLocation(String user, String code, boolean countable) {
        var r = Api.as(port, user).put().uri("/api/v1/locations/" + code)
                .header("Idempotency-Key", "auv-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"warehouse\": \"P1-WH1\", \"type\": \"STOCK\", \"countable\": " + countable
                        + ", \"allowNegative\": false}")
                .retrieve().toBodilessEntity();
        assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
    }
}

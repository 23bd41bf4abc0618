package com.invgov.console.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard grid alone (no Spring): which tiles a user sees, in which order, and what each card shows. */
class DashboardTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void showsTheTilesOfTheUsersRolesAndTheOpenOnesInTheirOrder() {
        Dashboard dashboard = new Dashboard(List.of(
                tile("money", 20, Set.of(Role.FINANCE), () -> TileValue.of("12.00", "", TileValue.Tone.NEUTRAL)),
                tile("everyone", 30, Set.of(), () -> TileValue.of("1", "", TileValue.Tone.NEUTRAL)),
                tile("floor", 10, Set.of(Role.OPERATOR, Role.INVENTORY_CONTROLLER),
                        () -> TileValue.of("7", "", TileValue.Tone.NEUTRAL)),
                tile("quality", 5, Set.of(Role.QUALITY), () -> TileValue.of("3", "", TileValue.Tone.NEUTRAL))),
                Set.of(Role.OPERATOR, Role.FINANCE));

        assertThat(ids(dashboard)).containsExactly("tile-floor", "tile-money", "tile-everyone");
        assertThat(ids(new Dashboard(List.of(tile("quality", 5, Set.of(Role.QUALITY),
                () -> TileValue.of("3", "", TileValue.Tone.NEUTRAL))), Set.of(Role.OPERATOR)))).isEmpty();
    }

    @Test
    void aCardShowsTitleHeadlineDetailToneAndTheTrendAsASparkline() {
        Dashboard dashboard = new Dashboard(List.of(
                tile("accuracy", 1, Set.of(), () -> new TileValue("97.5 %", "39 of 40 counts", TileValue.Tone.GOOD,
                        List.of(new BigDecimal("90"), new BigDecimal("95"), new BigDecimal("97.5")))),
                tile("holds", 2, Set.of(), () -> TileValue.of("4", "open holds", TileValue.Tone.ALERT))),
                Set.of(Role.AUDITOR));

        Div accuracy = card(dashboard, "tile-accuracy");
        assertThat(text(accuracy, "tile-title")).isEqualTo("Title of accuracy");
        assertThat(text(accuracy, "tile-headline")).isEqualTo("97.5 %");
        assertThat(text(accuracy, "tile-detail")).isEqualTo("39 of 40 counts");
        assertThat(accuracy.getElement().getAttribute("data-tone")).isEqualTo("GOOD");
        assertThat(part(accuracy, "tile-headline").getElement().getStyle().get("color")).contains("--lumo-success");
        String svg = part(accuracy, "tile-sparkline").getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("<polyline").contains("from 90 to 97.5");

        Div holds = card(dashboard, "tile-holds");
        assertThat(holds.getElement().getAttribute("data-tone")).isEqualTo("ALERT");
        assertThat(part(holds, "tile-headline").getElement().getStyle().get("color")).contains("--lumo-error");
        assertThat(holds.getChildren().filter(c -> c.getElement().getClassList().contains("tile-sparkline"))).isEmpty();
    }

    @Test
    void aTileThatFailsShowsUnavailableAndTheOthersStillShow() {
        Dashboard dashboard = new Dashboard(List.of(
                tile("broken", 1, Set.of(), () -> {
                    throw new IllegalStateException("database gone");
                }),
                tile("fine", 2, Set.of(), () -> TileValue.of("5", "ok", TileValue.Tone.NEUTRAL))),
                Set.of(Role.OPERATOR));

        assertThat(text(card(dashboard, "tile-broken"), "tile-headline")).isEqualTo("unavailable");
        assertThat(card(dashboard, "tile-broken").getElement().getAttribute("data-tone")).isEqualTo("UNAVAILABLE");
        assertThat(text(card(dashboard, "tile-fine"), "tile-headline")).isEqualTo("5");
    }

    @Test
    void theSparklineRunsFromLowToHighAndAFlatTrendSitsInTheMiddle() {
        String rising = Sparkline.svg(List.of(BigDecimal.ZERO, BigDecimal.TEN));
        assertThat(rising).contains("points=\"3.0,29.0 117.0,3.0\"");
        String flat = Sparkline.svg(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertThat(flat).contains("points=\"3.0,16.0 60.0,16.0 117.0,16.0\"");
        assertThat(Sparkline.svg(List.of())).isEmpty();
    }

    private static List<String> ids(Dashboard dashboard) {
        return dashboard.getChildren().map(c -> c.getId().orElse("")).toList();
    }

    private static Div card(Dashboard dashboard, String id) {
        return (Div) dashboard.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    private static Component part(Div card, String className) {
        return card.getChildren().filter(c -> c.getElement().getClassList().contains(className)).findFirst().orElseThrow();
    }

    private static String text(Div card, String className) {
        return ((Span) part(card, className)).getText();
    }

    private static DashboardTile tile(String key, int order, Set<Role> audience, Supplier<TileValue> value) {
        return new DashboardTile() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String title() {
                return "Title of " + key;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Set<Role> audience() {
                return audience;
            }

            @Override
            public TileValue read() {
                return value.get();
            }
        };
    }
}

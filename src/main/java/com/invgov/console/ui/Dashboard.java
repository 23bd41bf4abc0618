package com.invgov.console.ui;

import com.invgov.console.DashboardTile;
import com.invgov.console.TileValue;
import com.invgov.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's tiles as a responsive grid of cards (as many columns as fit, at least 15rem each): title, the
 * headline large in the tone's colour, the detail, and the trend as a sparkline. A tile that fails to read shows
 * "unavailable" and the rest of the page stays.
 */
class Dashboard extends Div {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    Dashboard(Collection<DashboardTile> tiles, Set<Role> roles) {
        setId("dashboard");
        getStyle().set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(15rem, 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        visible(tiles, roles).forEach(tile -> add(card(tile)));
    }

    /** The tiles whose audience is empty or shares a role with the user, lowest order first (then by key). */
    static List<DashboardTile> visible(Collection<DashboardTile> tiles, Set<Role> roles) {
        return tiles.stream()
                .filter(t -> t.audience().isEmpty() || t.audience().stream().anyMatch(roles::contains))
                .sorted(Comparator.comparingInt(DashboardTile::order).thenComparing(DashboardTile::key))
                .toList();
    }

    private static Div card(DashboardTile tile) {
        TileValue value;
        String tone;
        try {
            value = tile.read();
            tone = value.tone().name();
        } catch (RuntimeException e) {
            log.warn("Dashboard tile {} could not be read", tile.key(), e);
            value = TileValue.of("unavailable", "this figure could not be read just now", TileValue.Tone.NEUTRAL);
            tone = "UNAVAILABLE";
        }
        Div card = new Div();
        card.setId("tile-" + tile.key());
        card.addClassNames("invgov-tile", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        card.getElement().setAttribute("data-tone", tone);
        String colour = colour(tone);
        card.getStyle().set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-left", "4px solid " + colour)
                .set("gap", "var(--lumo-space-xs)")
                .set("min-width", "0");

        Span title = new Span(tile.title());
        title.addClassName("tile-title");
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600")
                .set("color", "var(--lumo-secondary-text-color)");
        Span headline = new Span(value.headline());
        headline.addClassName("tile-headline");
        headline.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("line-height", "var(--lumo-line-height-xs)").set("color", colour);
        Span detail = new Span(value.detail());
        detail.addClassName("tile-detail");
        detail.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        card.add(title, headline, detail);
        if (!value.trend().isEmpty()) {
            Span sparkline = new Span();
            sparkline.addClassName("tile-sparkline");
            sparkline.getStyle().set("display", "block").set("color", colour);
            sparkline.getElement().setProperty("innerHTML", Sparkline.svg(value.trend()));
            card.add(sparkline);
        }
        return card;
    }

    /** The tone's colour from the Lumo theme (a fallback where a Lumo version lacks the warning colour). */
    private static String colour(String tone) {
        return switch (tone) {
            case "GOOD" -> "var(--lumo-success-text-color)";
            case "WARNING" -> "var(--lumo-warning-text-color, hsl(30, 100%, 32%))";
            case "ALERT" -> "var(--lumo-error-text-color)";
            case "UNAVAILABLE" -> "var(--lumo-disabled-text-color)";
            default -> "var(--lumo-header-text-color)";
        };
    }
}

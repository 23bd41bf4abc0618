package com.invgov.console;

import com.invgov.security.Role;

import java.util.Set;

/**
 * One figure on the dashboard (DESIGN §8), contributed by the module that owns the data: a Spring bean in the
 * module's {@code ui} package. The dashboard reads every tile whose audience includes one of the user's roles each
 * time it is opened; a tile computes its value from the database then, so it is never stale. No Vaadin type here:
 * the dashboard renders the value.
 */
public interface DashboardTile {

    /** Stable key, also the tile's DOM id ({@code tile-<key>}) that console tests look for. */
    String key();

    String title();

    /** Place on the dashboard, lowest first. */
    int order();

    /** Roles that see the tile; empty means everyone signed in. */
    Set<Role> audience();

    /** The current value (read-only queries only; called outside any request transaction). */
    TileValue read();
}

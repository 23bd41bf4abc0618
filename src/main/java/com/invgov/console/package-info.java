/**
 * The Vaadin application shell: layout, menu built from the views the user's roles allow, home and dashboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package com.invgov.console;

package com.invgov.quality.ui;

import com.invgov.api.ApiProblem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** How the quality console tells a user that the service refused something: the problem's text and field errors. */
final class Problems {

    private Problems() {
    }

    static String text(ApiProblem e) {
        return e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                .map(f -> f.field() + ": " + f.message()).toList());
    }

    static void show(ApiProblem e) {
        Notification.show(text(e), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

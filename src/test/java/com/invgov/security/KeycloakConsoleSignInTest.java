package com.invgov.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.support.CookieBrowser;
import com.invgov.support.KeycloakIntegrationTest;
import com.invgov.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.invgov.support.CookieBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak mode, console side, at the HTTP level: the authorization code flow with PKCE through Keycloak's own
 * login form and back to a signed-in console.
 */
@KeycloakIntegrationTest
class KeycloakConsoleSignInTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    KeycloakServer keycloak;
    @Autowired
    ObjectMapper json;

    @Test
    void anOperatorSignsInThroughKeycloakAndIsBackInTheConsole() throws Exception {
        CookieBrowser browser = new CookieBrowser();

        HttpResponse<String> callback = signIn(browser, "olga");
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(URI.create(location(callback)).getPath()).isEqualTo("/");

        HttpResponse<String> home = browser.get(location(callback));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Vaadin");
        assertThat(renderedHomeView(browser)).contains("Welcome, olga", "Your roles: OPERATOR");
    }

    /**
     * What Vaadin renders for the home route, the way its client asks for it: the UI's bootstrap
     * ({@code v-r=init}), then the navigation event as a UIDL request.
     */
    private String renderedHomeView(CookieBrowser browser) throws Exception {
        HttpResponse<String> init = browser.get(console("/?v-r=init&location=&query="));
        assertThat(init.statusCode()).isEqualTo(200);
        JsonNode uidl = json.readTree(init.body()).path("appConfig").path("uidl");
        String navigate = json.writeValueAsString(Map.of(
                "csrfToken", uidl.path("Vaadin-Security-Key").asText(),
                "rpc", List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate",
                        "data", Map.of("route", "", "query", "", "appShellTitle", "", "historyState",
                                Map.of("idx", 0), "trigger", ""))),
                "syncId", uidl.path("syncId").asInt(), "clientId", uidl.path("clientId").asInt()));
        HttpResponse<String> rendered = browser.postJson(console("/?v-r=uidl&v-uiId=0"), navigate);
        assertThat(rendered.statusCode()).isEqualTo(200);
        return rendered.body();
    }

    @Test
    void aKeycloakAccountWithoutAnInvgovRoleSeesAccessDeniedNotAnEmptyConsole() {
        keycloak.createUser("nora-console", List.of());
        CookieBrowser browser = new CookieBrowser();

        HttpResponse<String> callback = signIn(browser, "nora-console");
        assertThat(callback.statusCode()).isEqualTo(403);
        assertThat(callback.body()).contains("Access denied", "nora-console has no invgov role",
                keycloak.issuer() + "/protocol/openid-connect/logout");

        HttpResponse<String> home = browser.get(console("/"));
        assertThat(home.statusCode()).as("still not signed in to the console").isEqualTo(302);
    }

    @Test
    void signingOutOfTheConsoleEndsTheKeycloakSessionToo() {
        CookieBrowser browser = new CookieBrowser();
        HttpResponse<String> callback = signIn(browser, "ivan");
        HttpResponse<String> home = browser.get(location(callback));
        Matcher csrf = CSRF.matcher(home.body());
        assertThat(csrf.find()).as("CSRF token in the console page").isTrue();

        HttpResponse<String> logout = browser.postForm(console("/logout"), Map.of("_csrf", csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = location(logout);
        assertThat(endSession).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        HttpResponse<String> loggedOut = browser.get(endSession);
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(location(loggedOut)).isEqualTo(console("/"));

        // the console sends the browser to Keycloak again, and Keycloak asks for the password again
        HttpResponse<String> front = browser.get(console("/"));
        assertThat(location(front)).isEqualTo(console("/oauth2/authorization/keycloak"));
        HttpResponse<String> form = browser.get(location(browser.get(location(front))));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(LOGIN_FORM.matcher(form.body()).find()).isTrue();
    }

    @Test
    void theLocalLoginFormIsNotOfferedInKeycloakMode() {
        HttpResponse<String> login = new CookieBrowser().get(console("/login"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).isEqualTo(console("/oauth2/authorization/keycloak"));
    }

    /** Follows the flow from the console's front door to Keycloak's login form, posts it, returns the callback's answer. */
    private HttpResponse<String> signIn(CookieBrowser browser, String username) {
        HttpResponse<String> front = browser.get(console("/"));
        assertThat(front.statusCode()).isEqualTo(302);
        assertThat(location(front)).isEqualTo(console("/oauth2/authorization/keycloak"));

        HttpResponse<String> authorize = browser.get(location(front));
        assertThat(authorize.statusCode()).isEqualTo(302);
        String keycloakAuthorize = location(authorize);
        assertThat(keycloakAuthorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=invgov-console", "code_challenge=", "code_challenge_method=S256");

        HttpResponse<String> form = browser.get(keycloakAuthorize);
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher action = LOGIN_FORM.matcher(form.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();

        HttpResponse<String> submitted = browser.postForm(HtmlUtils.htmlUnescape(action.group(1)),
                Map.of("username", username, "password", KeycloakServer.DEMO_PASSWORD, "credentialId", ""));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String back = location(submitted);
        assertThat(back).startsWith(console("/login/oauth2/code/keycloak?"));
        return browser.get(back);
    }

    private String console(String path) {
        return "http://localhost:" + port + path;
    }
}

package com.invgov.console;

import com.invgov.support.Api;
import com.invgov.support.Browser;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium: sign-in through the login page, the menu each role gets, and an operator's
 * transfer posted with a keyboard-wedge scan — what the browserless view tests cannot see (the login form,
 * routing and access control over HTTP, the client-side rendering and key handling).
 */
@IntegrationTest
class ConsoleInBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void anOperatorSignsInAndGetsTheOperatorsMenuOnly() {
        Browser browser = Browser.on(port).signIn("olga", "demo");

        assertThat(browser.textOnceItContains("home-roles", "OPERATOR")).contains("Your roles: OPERATOR");
        assertThat(browser.menu()).contains("Home", "Stock", "Transfer", "My tasks")
                .doesNotContain("System", "Rules", "Approvals");

        browser.open("/system");
        assertThat(browser.driver().findElements(By.id("system-database-mode"))).isEmpty();
        assertThat(browser.pageText()).doesNotContain("Data directory");
    }

    @Test
    void aWrongPasswordKeepsYouOnTheLoginPage() {
        Browser browser = Browser.on(port);
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.await(d -> d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty()
                ? null : true);
        browser.driver().findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("olga");
        browser.driver().findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys("not-her-password", Keys.ENTER);

        browser.await(d -> d.getCurrentUrl().contains("/login?error") ? true : null);
        browser.settle();
        assertThat(browser.driver().findElements(By.tagName("vaadin-app-layout"))).isEmpty();
        assertThat(browser.pageText()).containsIgnoringCase("incorrect username or password");
    }

    @Test
    void anAdminSeesTheSystemView() {
        Browser browser = Browser.on(port).signIn("ada", "demo");

        assertThat(browser.menu()).contains("System", "Rules");
        browser.open("/system");
        assertThat(browser.textOnceItContains("system-database-version", "PostgreSQL")).startsWith("PostgreSQL 1");
        assertThat(browser.textOnceItContains("system-processes", "adjustment-approval")).contains("receiving");
    }

    @Test
    void anOperatorPostsATransferWithAKeyboardWedgeScan() {
        BigDecimal before = quantity("NUT-00002", "P1-WH1-STG");
        Browser browser = Browser.on(port).signIn("omar", "demo").open("/transfer");

        // A wedge scanner types the label and presses Enter.
        browser.type("transfer-scan", "NUT-00002@P1-WH1-B-01-01", Keys.ENTER);
        browser.type("transfer-scan", "P1-WH1-STG", Keys.ENTER);
        assertThat(browser.value("transfer-sku")).isEqualTo("NUT-00002");
        assertThat(browser.value("transfer-from")).isEqualTo("P1-WH1-B-01-01");
        assertThat(browser.value("transfer-to")).isEqualTo("P1-WH1-STG");
        assertThat(browser.value("transfer-uom")).isEqualTo("EA");

        browser.fill("transfer-quantity", "3");
        browser.click("transfer-post");

        assertThat(browser.textOnceItContains("transfer-result", "Posted")).contains("3 EA NUT-00002");
        assertThat(quantity("NUT-00002", "P1-WH1-STG")).isEqualByComparingTo(before.add(new BigDecimal(3)));
    }

    @SuppressWarnings("unchecked")
    private BigDecimal quantity(String sku, String location) {
        Map<String, Object> page = Api.as(port, "ivan").get()
                .uri("/api/v1/stock?sku={sku}&location={location}&status=AVAILABLE", sku, location)
                .retrieve().body(Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .map(b -> new BigDecimal(b.get("quantity").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

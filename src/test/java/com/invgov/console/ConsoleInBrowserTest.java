package com.invgov.console;

import com.invgov.support.Api;
import com.invgov.support.Browser;
import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium: sign-in through the login page, the menu each role gets, and an operator's
 * transfer posted with a keyboard-wedge scan — what the browserless view tests cannot see (the login form,
 * routing and access control over HTTP, the client-side rendering and key handling).
 */
@IntegrationTest
@SuppressWarnings("unchecked")
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
    void eachRoleLandsOnADashboardOfItsOwnFigures() {
        Browser controller = Browser.on(port).signIn("ivan", "demo");
        assertThat(controller.textOnceItContains("tile-inventory-accuracy", "Inventory accuracy")).isNotBlank();
        assertThat(controller.byId("tile-adjustment-value").getText()).isNotBlank();
        assertThat(controller.byId("tile-open-holds").getText()).containsIgnoringCase("hold");

        Browser operator = Browser.on(port).signIn("olga", "demo");
        assertThat(operator.byId("tile-stock-outs").getText()).containsIgnoringCase("stock-outs");
        assertThat(operator.driver().findElements(By.id("tile-adjustment-value"))).isEmpty();
        assertThat(operator.driver().findElements(By.id("tile-inventory-accuracy"))).isEmpty();
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

    @Test
    void anOperatorRecountsBlindOnAPhoneSizedScreen() {
        // an A item at 10.40 with 2300 on hand; omar counts 2260 (-1.74 %): a blind recount for someone else
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = "BR-" + suffix;
        String location = "P1-WH1-BR-" + suffix;
        send("ada", "PUT", "/api/v1/items/" + sku, """
                {"description": "browser recount", "baseUom": "EA", "uomConversions": [{"uom": "BOX", "factor": 100}],
                 "tracking": "NONE", "abcClass": "A", "category": "TST", "unitCost": 10.40, "regulated": false}""");
        send("ada", "PUT", "/api/v1/locations/" + location, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""");
        send("olga", "POST", "/api/v1/movements", """
                {"type": "RECEIPT", "sku": "%s", "quantity": 2300, "uom": "EA", "to": {"location": "%s"},
                 "eventTime": "%s"}""".formatted(sku, location, Instant.now().minusSeconds(86400)));
        Map<String, Object> first = send("omar", "POST", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 2260, "uom": "EA"}""".formatted(location, sku));
        assertThat(((Map<String, Object>) first.get("decision")).get("outcome")).isEqualTo("RECOUNT");

        Browser browser = Browser.on(port).signIn("olga", "demo");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            openTask(browser, sku);
            assertThat(browser.textOnceItContains("my-tasks-place", sku)).contains(location);
            assertThat(browser.pageText()).as("blind: the system quantity is nowhere on the page")
                    .doesNotContain("2300").doesNotContain("2,300").doesNotContain("2260");
            assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("the form fits a phone's width").isTrue();

            browser.fill("my-tasks-quantity", "22");
            browser.fill("my-tasks-uom", "BOX");
            browser.click("my-tasks-submit");
            assertThat(browser.textOnceItContains("my-tasks-result", "Count taken")).doesNotContain("2300");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
        // 2200 recounted: the recount confirmed a variance, which now waits for a controller
        Map<String, Object> adjustment = send("ivan", "GET", "/api/v1/adjustments/" + first.get("adjustmentId"), null);
        assertThat(adjustment.get("status")).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorRecountsASerialItemByScanningEveryUnitOnAPhoneSizedScreen() {
        // three motors on record; omar finds two (-33 %): a blind recount for someone else, who finds all three
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = "BS-" + suffix;
        String location = "P1-WH1-BS-" + suffix;
        send("ada", "PUT", "/api/v1/items/" + sku, """
                {"description": "browser serial recount", "baseUom": "EA", "tracking": "SERIAL", "abcClass": "C",
                 "category": "TST", "unitCost": 10, "regulated": false}""");
        send("ada", "PUT", "/api/v1/locations/" + location, """
                {"warehouse": "P1-WH1", "type": "STOCK", "countable": true, "allowNegative": false}""");
        List<String> serials = List.of(sku + "-SN-000001", sku + "-SN-000002", sku + "-SN-000003");
        String receipt = """
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s", "to": {"location": "%s"},
                 "eventTime": "%s"}""";
        Instant yesterday = Instant.now().minusSeconds(86400);
        send("olga", "POST", "/api/v1/movements/batch", "{\"movements\": [" + String.join(",",
                serials.stream().map(s -> receipt.formatted(sku, s, location, yesterday)).toList()) + "]}");
        Map<String, Object> first = send("omar", "POST", "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": 2, "uom": "EA", "serials": ["%s", "%s"]}"""
                .formatted(location, sku, serials.get(0), serials.get(1)));
        assertThat(((Map<String, Object>) first.get("decision")).get("outcome")).isEqualTo("RECOUNT");

        Browser browser = Browser.on(port).signIn("olga", "demo");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            openTask(browser, sku);
            assertThat(browser.textOnceItContains("my-tasks-serials", "No serial numbers scanned")).isNotEmpty();
            browser.type("my-tasks-scan", location, Keys.ENTER);
            assertThat(browser.textOnceItContains("my-tasks-result", "right place")).isNotEmpty();
            for (String serial : serials) {
                browser.type("my-tasks-scan", serial, Keys.ENTER);
            }
            assertThat(browser.textOnceItContains("my-tasks-serials", "3 serial numbers")).contains(serials.get(2));
            assertThat(browser.value("my-tasks-quantity")).isEqualTo("3");
            assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("the list of serials fits a phone's width").isTrue();

            browser.click("my-tasks-submit");
            assertThat(browser.textOnceItContains("my-tasks-result", "Count taken")).isNotEmpty();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
        Map<String, Object> adjustment = send("ivan", "GET", "/api/v1/adjustments/" + first.get("adjustmentId"), null);
        assertThat(adjustment.get("status")).as("all three found: nothing to post").isEqualTo("CLOSED");
        assertThat((List<String>) adjustment.get("serials")).containsExactlyElementsOf(serials);
    }

    /** My tasks, with the task of this item selected. */
    private static void openTask(Browser browser, String sku) {
        browser.open("/my-tasks");
        WebElement row = browser.await(d -> d.findElements(By.cssSelector("#my-tasks-grid vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().contains(sku)).findFirst().orElse(null));
        row.click();
        browser.settle();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String user, String method, String path, String body) {
        var request = Api.as(port, user).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Idempotency-Key", "br-" + UUID.randomUUID());
        if (body != null) {
            request = request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
        }
        var response = request.retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody())
                .isTrue();
        return response.getBody();
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

package com.invgov.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never a downloaded one) driving the
 * console of the application under test. One browser per test JVM, started on first use and quit at exit; every
 * {@link #signIn} starts from a fresh session. {@code .ci/run} installs the two packages; without them the tests
 * fail (they are not skipped).
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("invgov.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("invgov.test.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static WebDriver shared;

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** The JVM's browser, pointed at the application on {@code port}. */
    public static synchronized Browser on(int port) {
        if (shared == null) {
            shared = start();
            WebDriver started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "chromium-quit"));
        }
        return new Browser(shared, port);
    }

    private static WebDriver start() {
        for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(file).canExecute()) {
                throw new IllegalStateException(file + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the login page like a person and waits for the console shell. */
    public Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        WebElement user = await(d -> first(By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.sendKeys(password, Keys.ENTER);
        await(d -> first(By.tagName("vaadin-app-layout")));
        settle();
        return this;
    }

    /** Opens a console path (e.g. {@code /transfer}) and waits until Vaadin has rendered it. */
    public Browser open(String path) {
        driver.get(base + path);
        settle();
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Waits until Vaadin has no request to the server in flight. */
    public void settle() {
        await(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return true;
                const clients = window.Vaadin.Flow.clients;
                return Object.keys(clients).every(k => !clients[k].isActive || !clients[k].isActive());""")));
    }

    /** The element with this id (a Vaadin component's id), waiting for it to appear. */
    public WebElement byId(String id) {
        return await(d -> first(By.id(id)));
    }

    /** Types into the native input of a Vaadin field (they render it in the light DOM). */
    public Browser type(String fieldId, CharSequence... keys) {
        WebElement input = await(d -> first(By.cssSelector("#" + fieldId + " input")));
        input.sendKeys(keys);
        settle();
        return this;
    }

    /** Replaces the value of a Vaadin field as a person would (select all, type, leave the field). */
    public Browser fill(String fieldId, String value) {
        WebElement input = await(d -> first(By.cssSelector("#" + fieldId + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value, Keys.TAB);
        settle();
        return this;
    }

    /** The value of a Vaadin field's native input. */
    public String value(String fieldId) {
        return await(d -> first(By.cssSelector("#" + fieldId + " input"))).getDomProperty("value");
    }

    public Browser click(String id) {
        WebElement element = byId(id);
        // as a person scrolls to a button below the fold before tapping it (a long task list on a phone)
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        settle();
        return this;
    }

    /** The visible text of the element with this id once it contains {@code expected}. */
    public String textOnceItContains(String id, String expected) {
        return await(d -> {
            WebElement e = first(By.id(id));
            return e != null && e.getText().contains(expected) ? e.getText() : null;
        });
    }

    /** The texts of the side navigation's entries. */
    public List<String> menu() {
        await(d -> first(By.tagName("vaadin-side-nav-item")));
        return driver.findElements(By.tagName("vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::trim).toList();
    }

    /** The whole page's visible text. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private WebElement first(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }
}

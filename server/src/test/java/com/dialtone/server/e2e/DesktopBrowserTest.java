package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the agent desktop tests share: a server (the demo, 5550100 answering after 2 s), headless Debian Chromium
 * browsers (packages chromium and chromium-driver; ./dialtone test installs them), waits, REST calls for the test's
 * own checks, and a screenshot of every browser in server/target/screenshots/ after each test.
 */
abstract class DesktopBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // 5550100 answers after 2 s here (at once in the demo), so that the page shows Dialing long enough to be seen.
    static final String DIAL_PLAN = "dialPlan: {numbers: {'5550100': {outcome: answer, answerAfter: 2s}}}\n";
    static final String AGENT1_DEVICE = "631608b3-ceb1-472b-ba05-2ae39555b0d1";
    static final ObjectMapper JSON = new ObjectMapper();
    // Generous: the build machine is small and may be busy.
    static final Duration WAIT = Duration.ofSeconds(15);

    GwsServer server;
    String address;
    final List<WebDriver> browsers = new ArrayList<>();
    WebDriver browser; // the first
    String testName;

    @BeforeEach
    void start(TestInfo info) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; ./dialtone test does it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium chromium-driver)").isExecutable();
        testName = info.getTestMethod().orElseThrow().getName();
        server = GwsServer.start(DIAL_PLAN);
        address = server.local();
        browser = newBrowser();
    }

    /** Another server instead of the demo one, with this configuration laid over the test defaults. */
    void restartServerWith(String... overlays) {
        server.close();
        server = GwsServer.start(overlays);
        address = server.local();
    }

    /** Another browser: its own cookies, so another agent. */
    WebDriver newBrowser() {
        return newBrowser("--window-size=1280,860");
    }

    WebDriver newBrowser(String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                windowSize);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    screenshot(browsers.get(i), i == 0 ? "" : "-browser" + (i + 1));
                } finally {
                    browsers.get(i).quit();
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    void logIn(String user, String password) {
        logIn(browser, user, password);
    }

    void logIn(WebDriver browser, String user, String password) {
        browser.get(address + "/");
        WebElement name = waitFor(browser, By.id("user"));
        name.clear(); // a reload may have left the form as it was
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    /** Logged in and connected: the badge says Connected. */
    void logInAndConnect(WebDriver browser, String user, String password) {
        logIn(browser, user, password);
        until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
    }

    void setState(String operation) {
        setState(browser, operation);
    }

    void setState(WebDriver browser, String operation) {
        new Select(browser.findElement(By.id("state-select"))).selectByValue(operation);
        browser.findElement(By.id("state-apply")).click();
    }

    WebElement waitFor(By what) {
        return waitFor(browser, what);
    }

    WebElement waitFor(WebDriver browser, By what) {
        return until(browser, ExpectedConditions.visibilityOfElementLocated(what));
    }

    <T> T until(Function<? super WebDriver, T> condition) {
        return until(browser, condition);
    }

    <T> T until(WebDriver browser, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    void screenshot(String suffix) {
        screenshot(browser, suffix);
    }

    void screenshot(WebDriver browser, String suffix) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + testName + suffix + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A REST request of the test's own, with HTTP Basic (no session); the reply's status and JSON body. */
    Reply rest(String method, String path, String user, String password, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode body) {
    }
}

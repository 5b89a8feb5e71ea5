package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser agent desktop (docs/agent-desktop.md), served at / by the server and driven in headless Debian
 * Chromium: the calls. Each test leaves a screenshot in server/target/screenshots/.
 */
class AgentDesktopTest extends DesktopBrowserTest {

    @Test
    void anAgentLogsInGoesReadyDialsAndHangsUp() {
        logIn("agent1", "demo");
        WebElement state = waitFor(By.id("agent-state"));
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        assertThat(browser.findElement(By.id("dn")).getText()).isEqualTo("15001");
        assertThat(browser.findElement(By.id("devices-row")).isDisplayed()).as("one device: nothing to choose").isFalse();
        assertThat(browser.findElement(By.id("monitor")).isDisplayed()).as("an agent does not monitor").isFalse();

        setState("StartContactCenterSession");
        until(ExpectedConditions.attributeToBe(state, "data-state", "NotReady"));
        setState("Ready");
        until(ExpectedConditions.attributeToBe(state, "data-state", "Ready"));

        // The dial pad types the number; the Dial button dials it.
        for (char digit : "5550100".toCharArray()) {
            browser.findElement(By.cssSelector(".pad button[data-digit='" + digit + "']")).click();
        }
        assertThat(browser.findElement(By.id("destination")).getAttribute("value")).isEqualTo("5550100");
        browser.findElement(By.id("dial")).click();

        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Dialing"));
        assertThat(browser.findElement(call).getText()).contains("Dialing").contains("5550100");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        WebElement established = browser.findElement(call);
        assertThat(established.findElement(By.cssSelector(".call-type")).getText()).isEqualTo("Outbound");
        String duration = established.findElement(By.cssSelector(".duration")).getText();
        assertThat(duration).matches("\\d+:\\d\\d");
        until(d -> !d.findElement(call).findElement(By.cssSelector(".duration")).getText().equals(duration)); // it ticks
        screenshot("-in-a-call");

        established.findElement(By.cssSelector("button[data-op='Hangup']")).click();
        until(ExpectedConditions.numberOfElementsToBe(call, 0));
        assertThat(browser.findElement(By.id("no-calls")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    }

    @Test
    void anAgentEditsTheCallsDataThenWritesANoteAndCompletesTheCall() throws Exception {
        logIn("agent1", "demo");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        browser.findElement(By.id("destination")).sendKeys("5550100");
        browser.findElement(By.id("dial")).click();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        String callId = browser.findElement(call).getAttribute("data-call-id");

        // Two pairs through the form, with the keyboard (Enter sends); the card shows them once AttachedDataChanged comes.
        WebElement form = browser.findElement(call).findElement(By.cssSelector("form.data-form"));
        assertThat(form.getAttribute("data-op")).isEqualTo("UpdateUserData");
        addData("Case", "42");
        until(d -> d.findElements(By.cssSelector("#calls li.call .user-data div[data-key='Case'] dd")).stream()
                .anyMatch(dd -> dd.getText().startsWith("42")));
        addData("Topic", "Billing");
        By topic = By.cssSelector("#calls li.call .user-data div[data-key='Topic']");
        until(ExpectedConditions.numberOfElementsToBe(topic, 1));
        browser.findElement(topic).findElement(By.cssSelector("button.remove")).click(); // DeleteUserDataPair
        until(ExpectedConditions.numberOfElementsToBe(topic, 0));
        assertThat(browser.findElement(call).findElement(By.cssSelector(".user-data")).getText()).contains("Case").contains("42");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        screenshot("-data");

        // Hung up, the call waits in the wrap-up area for a note and the completion.
        browser.findElement(call).findElement(By.cssSelector("button[data-op='Hangup']")).click();
        until(ExpectedConditions.numberOfElementsToBe(call, 0));
        By wrapUp = By.cssSelector("#wrap-ups li.wrap-up[data-call-id='" + callId + "']");
        WebElement ended = waitFor(wrapUp);
        assertThat(ended.getText()).contains("Ended").contains("5550100");
        ended.findElement(By.cssSelector("textarea")).sendKeys("Invoice resent");
        ended.findElement(By.cssSelector("button.save-note")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#wrap-ups .ucs-result"), "Note saved."));
        ended.findElement(By.cssSelector("button.complete")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#wrap-ups .ucs-result"), "Completion saved."));

        // The recent calls show it, with its note and completion marks.
        By row = By.cssSelector("#recent tr[data-call-id='" + callId + "']");
        until(d -> d.findElements(row).stream().anyMatch(r -> !r.findElements(By.cssSelector(".note-mark")).isEmpty()
                && !r.findElements(By.cssSelector(".completed-mark")).isEmpty()));
        assertThat(browser.findElement(row).getText()).contains("Outbound").contains("5550100").doesNotContain("15001");
        assertThat(browser.findElement(row).findElement(By.cssSelector(".note-mark")).getAttribute("title")).isEqualTo("Note: Invoice resent");
        screenshot("-wrap-up");

        // Stored: the history has the note, the completion with the call's duration, and the data.
        HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address + "/api/v2/me/call-history?limit=5"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(history.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(history.body()).path("calls").path(0);
        assertThat(stored.path("id").asText()).isEqualTo(callId);
        assertThat(stored.path("note").asText()).isEqualTo("Invoice resent");
        assertThat(stored.path("completed").asBoolean()).isTrue();
        assertThat(stored.path("callDuration").asLong()).isEqualTo(Long.parseLong(ended.getAttribute("data-duration"))).isPositive();
        assertThat(stored.path("userData").path("Case").asText()).isEqualTo("42");
        assertThat(stored.path("userData").has("Topic")).isFalse();

        // Dismissed, it leaves the wrap-up area.
        ended.findElement(By.cssSelector("button.dismiss")).click();
        until(ExpectedConditions.numberOfElementsToBe(wrapUp, 0));
        assertThat(browser.findElement(By.id("no-wrap-ups")).isDisplayed()).isTrue();
    }

    private void addData(String key, String value) {
        WebElement form = browser.findElement(By.cssSelector("#calls li.call form.data-form"));
        form.findElement(By.cssSelector("input[name='data-key']")).sendKeys(key);
        form.findElement(By.cssSelector("input[name='data-value']")).sendKeys(value, org.openqa.selenium.Keys.ENTER);
    }

    @Test
    void aSecondAgentAnswersACustomerFromTheQueueAndTransfersItToTheFirst() throws Exception {
        // agent1 is logged in to the desktop but not Ready, so the customer's call goes to agent2.
        logIn(browser, "agent1", "demo");
        until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        WebDriver second = newBrowser();
        logIn(second, "agent2", "demo");
        until(second, ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        setState(second, "StartContactCenterSession");
        until(second, ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "NotReady"));
        setState(second, "Ready");
        until(second, ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "Ready"));

        Reply injected = rest("POST", "/sim/calls", "admin", "demo", "{\"from\":\"5551234\",\"to\":\"8000\",\"userData\":{\"Product\":\"Guitars\"}}");
        assertThat(injected.body().path("statusCode").asInt()).isZero();

        By call = By.cssSelector("#calls li.call");
        until(second, ExpectedConditions.attributeToBe(call, "data-state", "Ringing"));
        WebElement ringing = second.findElement(call);
        assertThat(ringing.getAttribute("class")).contains("ringing");
        assertThat(ringing.getText()).contains("From 5551234").contains("Inbound").contains("Product").contains("Guitars");
        screenshot(second, "-browser2-ringing");
        ringing.findElement(By.cssSelector("button[data-op='Answer']")).click();
        until(second, ExpectedConditions.attributeToBe(call, "data-state", "Established"));

        WebElement destination = second.findElement(By.id("destination"));
        destination.sendKeys("15001");
        second.findElement(call).findElement(By.cssSelector("button[data-op='SingleStepTransfer']")).click();
        until(second, ExpectedConditions.numberOfElementsToBe(call, 0));

        until(browser, ExpectedConditions.attributeToBe(call, "data-state", "Ringing"));
        assertThat(browser.findElement(call).getText()).contains("5551234").contains("Guitars");
        browser.findElement(call).findElement(By.cssSelector("button[data-op='Answer']")).click();
        until(browser, ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        assertThat(browser.findElement(call).getText()).contains("Guitars");
    }

    @Test
    void aNewUserWhoChoosesReadyIsLoggedInToTheContactCentreAndTakesACustomersCall() throws Exception {
        // What the README tells a new user: log in, choose Ready, a customer calls 8000, answer. No "Log in to
        // the contact centre" first: choosing Ready while logged out does both.
        logIn(browser, "agent3", "demo");
        until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        assertThat(browser.findElement(By.id("agent-state")).getAttribute("data-state")).isEqualTo("LoggedOut");
        setState(browser, "Ready");
        until(browser, ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "Ready"));
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

        Reply injected = rest("POST", "/sim/calls", "admin", "demo", "{\"from\":\"5551234\",\"to\":\"8000\",\"userData\":{\"Product\":\"Guitars\"}}");
        assertThat(injected.body().path("statusCode").asInt()).isZero();
        By call = By.cssSelector("#calls li.call");
        until(browser, ExpectedConditions.attributeToBe(call, "data-state", "Ringing"));
        assertThat(browser.findElement(call).getText()).contains("From 5551234").contains("Guitars");
        browser.findElement(call).findElement(By.cssSelector("button[data-op='Answer']")).click();
        until(browser, ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        screenshot("-answered");
    }

    @Test
    void theDesktopKeepsWorkingThroughAServerRestart() throws Exception {
        // A server on a fixed port and its own data folder, so that the one started after it is at the same address.
        Path data = Files.createTempDirectory("dialtone-desktop-restart");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String fixedPort = "server: {port: " + port + "}\n";
        try {
            server.close();
            server = GwsServer.startOn(data, fixedPort, DIAL_PLAN);
            address = server.local();
            logIn("agent1", "demo");
            until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));

            server.close();
            until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected")));
            screenshot("-server-down");
            server = GwsServer.startOn(data, fixedPort, DIAL_PLAN);

            // It logs in again, handshakes and subscribes again by itself; then it works as before.
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
            browser.findElement(By.id("destination")).sendKeys("5550100");
            browser.findElement(By.id("dial")).click();
            By call = By.cssSelector("#calls li.call");
            until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
            assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        } finally {
            server.close();
            server = null;
            GwsServer.deleteRecursively(data);
        }
    }

    @Test
    void anAgentConferencesInANumberThenRemovesAnother() {
        logIn("agent1", "demo");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        WebElement destination = browser.findElement(By.id("destination"));
        destination.sendKeys("5550100");
        browser.findElement(By.id("dial")).click();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        assertThat(browser.findElements(By.cssSelector("#calls .conference li"))).isEmpty(); // two parties: no conference

        destination.clear();
        destination.sendKeys("5550123"); // answers after 1 s
        browser.findElement(call).findElement(By.cssSelector("button[data-op='SingleStepConference']")).click();
        By participants = By.cssSelector("#calls .conference li");
        until(ExpectedConditions.numberOfElementsToBe(participants, 2));
        assertThat(browser.findElement(call).findElement(By.cssSelector(".participants")).getText())
                .contains("5550100").contains("5550123");
        screenshot("-conference");

        browser.findElement(By.cssSelector("#calls .conference li[data-participant='5550123'] button")).click();
        until(ExpectedConditions.numberOfElementsToBe(participants, 0)); // two parties again: no Remove buttons
        until(ExpectedConditions.textToBe(By.cssSelector("#calls li.call .participants"), "With 5550100"));
        assertThat(browser.findElement(call).getAttribute("data-state")).isEqualTo("Established");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    }

    @Test
    void aRequestRefusedWith401LogsInAgainAndIsRetried() {
        logIn("agent1", "demo");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        browser.manage().deleteCookieNamed("JSESSIONID"); // as if the session had expired
        browser.findElement(By.id("destination")).sendKeys("5550100");
        browser.findElement(By.id("dial")).click();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("desktop-view")).isDisplayed()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        logIn("agent1", "wrong");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong user name or password."));
        assertThat(browser.findElement(By.id("desktop-view")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    }
}

package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The agent desktop around the calls: the demo's credentials on the login form, wrap-ups kept through a reload,
 * and the session ended under the page (docs/agent-desktop.md).
 */
class AgentDesktopSessionTest extends DesktopBrowserTest {

    static final String ENDED = "Your session has ended and logging in again failed. Please log in again.";
    /** A contact centre of its own: its users replace the demo's, so it is not the demo. */
    static final String OWN_USERS = """
            users:
              - userName: alice
                password: s3cret-alice
                roles: [ROLE_AGENT]
                devices: [ { phoneNumber: "2001" } ]
            """;

    @Test
    void theDemoShowsItsCredentialsUnderTheLoginForm() {
        browser.get(address + "/");
        until(ExpectedConditions.attributeToBe(By.id("login"), "data-demo", "true"));
        WebElement hint = browser.findElement(By.id("demo-hint"));
        assertThat(hint.isDisplayed()).isTrue();
        assertThat(hint.getText()).contains("agent1").contains("password demo");
        assertThat(rest("GET", "/desktop.json", "nobody", "nothing", null).body().toString()).isEqualTo("{\"demo\":true}");
    }

    @Test
    void aContactCentreWithItsOwnUsersShowsNoCredentials() {
        restartServerWith(OWN_USERS);
        browser.get(address + "/");
        until(ExpectedConditions.attributeToBe(By.id("login"), "data-demo", "false"));
        assertThat(browser.findElement(By.id("demo-hint")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("login")).getText()).doesNotContain("demo");
        assertThat(rest("GET", "/desktop.json", "nobody", "nothing", null).body().toString()).isEqualTo("{\"demo\":false}");

        // Its own users log in as usual.
        logInAndConnect(browser, "alice", "s3cret-alice");
        assertThat(browser.findElement(By.id("dn")).getText()).isEqualTo("2001");
    }

    @Test
    void aWrapUpSurvivesAReloadOfThePageAndCanStillBeCompleted() throws Exception {
        logInAndConnect(browser, "agent1", "demo");
        browser.findElement(By.id("destination")).sendKeys("5550100");
        browser.findElement(By.id("dial")).click();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        String callId = browser.findElement(call).getAttribute("data-call-id");
        browser.findElement(call).findElement(By.cssSelector("button[data-op='Hangup']")).click();
        By wrapUp = By.cssSelector("#wrap-ups li.wrap-up[data-call-id='" + callId + "']");
        WebElement ended = waitFor(wrapUp);
        String duration = ended.getAttribute("data-duration");
        String shown = ended.getText();
        ended.findElement(By.cssSelector("textarea")).sendKeys("Call back on Monday"); // written, not saved yet

        browser.navigate().refresh();
        waitFor(By.id("user"));
        assertThat(browser.findElement(By.id("desktop-view")).isDisplayed()).isFalse();
        String kept = (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(Object.entries(sessionStorage)) + JSON.stringify(Object.entries(localStorage)) + document.cookie");
        assertThat(kept).as("what the page keeps across the reload").contains(callId).doesNotContain("demo").doesNotContain("agent1");

        browser.findElement(By.id("user")).clear();
        browser.findElement(By.id("user")).sendKeys("agent1");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-button")).click();
        WebElement restored = waitFor(wrapUp);
        assertThat(restored.getText()).isEqualTo(shown);
        assertThat(restored.getAttribute("data-duration")).isEqualTo(duration);
        assertThat(restored.findElement(By.cssSelector("textarea")).getAttribute("value")).isEqualTo("Call back on Monday");
        screenshot("-restored");

        restored.findElement(By.cssSelector("button.save-note")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#wrap-ups .ucs-result"), "Note saved."));
        restored.findElement(By.cssSelector("button.complete")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#wrap-ups .ucs-result"), "Completion saved."));
        Reply history = rest("GET", "/api/v2/me/call-history?limit=5", "agent1", "demo", null);
        assertThat(history.status()).isEqualTo(200);
        JsonNode stored = history.body().path("calls").path(0);
        assertThat(stored.path("id").asText()).isEqualTo(callId);
        assertThat(stored.path("completed").asBoolean()).isTrue();
        assertThat(stored.path("note").asText()).isEqualTo("Call back on Monday");
        assertThat(stored.path("callDuration").asText()).isEqualTo(duration);

        // Completed, it is not kept: after another reload the wrap-up area is empty.
        browser.navigate().refresh();
        logInAndConnect(browser, "agent1", "demo");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("no-wrap-ups")));
        assertThat(browser.findElements(By.cssSelector("#wrap-ups li.wrap-up"))).isEmpty();
    }

    @Test
    void whenLoggingInAgainFailsTheLoginFormComesBackAndSaysWhy() {
        logInAndConnect(browser, "agent1", "demo");
        String userId = rest("GET", "/api/v2/me", "agent1", "demo", null).body().path("user").path("id").asText();

        // An administrator gives agent1 another password: every session of agent1 ends. The page, still holding the
        // old password, cannot log in again, and says so without being touched.
        Reply changed = rest("PUT", "/api/v2/users/" + userId, "admin", "demo", "{\"password\":\"n3w-secret\"}");
        assertThat(changed.status()).isEqualTo(200);
        until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        until(ExpectedConditions.textToBe(By.id("login-error"), ENDED));
        assertThat(browser.findElement(By.id("desktop-view")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Not connected");
        screenshot("-ended");

        // The user name is still there and the password field has the focus: the new password and Enter log in again.
        assertThat(browser.findElement(By.id("user")).getAttribute("value")).isEqualTo("agent1");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("n3w-secret", org.openqa.selenium.Keys.ENTER).perform();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        assertThat(browser.findElement(By.id("dn")).getText()).isEqualTo("15001");
    }
}

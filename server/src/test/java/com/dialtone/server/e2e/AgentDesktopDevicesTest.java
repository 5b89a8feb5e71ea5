package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The agent desktop with more than one device, and a supervisor's desktop monitoring an agent (docs/agent-desktop.md). */
class AgentDesktopDevicesTest extends DesktopBrowserTest {

    /** agent1 with a desk phone and a second line; an administrator to inject calls. */
    static final String TWO_DEVICES = """
            users:
              - userName: agent1
                password: two-lines
                firstName: Agent
                lastName: "1"
                roles: [ROLE_AGENT]
                devices: [ { phoneNumber: "15001" }, { phoneNumber: "15051" } ]
              - userName: admin
                password: admin-pass
                roles: [ROLE_ADMIN]
            """;

    @Test
    void aSupervisorListensInOnAnAgentsCallBargesInThenStops() {
        logInAndConnect(browser, "supervisor1", "demo");
        WebElement panel = waitFor(By.id("monitor"));
        By state = By.id("monitoring-state");
        assertThat(browser.findElement(state).getText()).isEqualTo("Not monitoring.");
        assertThat(panel.findElement(By.cssSelector("button[data-op='CancelSupervisorMonitoring']")).isDisplayed()).isFalse();

        browser.findElement(By.id("monitor-number")).sendKeys("15001");
        panel.findElement(By.cssSelector("button[data-op='ListenIn']")).click();
        until(ExpectedConditions.attributeToBe(state, "data-state", "ListenIn"));
        assertThat(browser.findElement(state).getText()).isEqualTo("Listening in on 15001: all calls, follows the call.");
        assertThat(panel.findElement(By.cssSelector("button[data-op='ListenIn']")).isDisplayed()).isFalse();
        assertThat(panel.findElement(By.cssSelector("button[data-op='CancelSupervisorMonitoring']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("monitor-number")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

        // agent1, at another desk, calls a customer; once it is answered the supervisor's phone rings with it.
        Reply dialled = rest("POST", "/api/v2/me/devices/" + AGENT1_DEVICE + "/calls", "agent1", "demo",
                "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}");
        assertThat(dialled.body().path("statusCode").asInt()).isZero();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Ringing"));
        WebElement ringing = browser.findElement(call);
        assertThat(ringing.findElement(By.cssSelector(".participants")).getText()).startsWith("Monitoring").contains("15001").contains("5550100");
        ringing.findElement(By.cssSelector("button[data-op='Answer']")).click();
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        until(ExpectedConditions.textToBe(By.cssSelector("#calls li.call .call-flags"), "You are listening in"));
        screenshot("-listening");

        // The supervisor's call operations are buttons like any other, from the call's capabilities.
        browser.findElement(call).findElement(By.cssSelector("button[data-op='SwitchToBargeIn']")).click();
        until(ExpectedConditions.textToBe(By.cssSelector("#calls li.call .call-flags"), "You can be heard"));
        assertThat(browser.findElement(call).findElement(By.cssSelector("button[data-op='SwitchToListenIn']")).getText()).isEqualTo("Listen in");
        until(ExpectedConditions.attributeToBe(state, "data-state", "BargeIn"));
        assertThat(browser.findElement(state).getText()).startsWith("Barging in on 15001");

        panel.findElement(By.cssSelector("button[data-op='CancelSupervisorMonitoring']")).click();
        until(ExpectedConditions.textToBe(state, "Not monitoring."));
        until(ExpectedConditions.numberOfElementsToBe(call, 0)); // the supervisor leaves the call
        assertThat(panel.findElement(By.cssSelector("button[data-op='ListenIn']")).isDisplayed()).isTrue();
        assertThat(panel.findElement(By.cssSelector("button[data-op='CancelSupervisorMonitoring']")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("monitor-number")).isEnabled()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#wrap-ups li.wrap-up"))).as("no wrap-up for a monitoring leg").isEmpty();
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        // agent1's call goes on.
        assertThat(rest("GET", "/api/v2/me/calls?fields=id,state", "agent1", "demo", null).body().path("calls").path(0).path("state").asText())
                .isEqualTo("Established");
    }

    @Test
    void aUserWithTwoDevicesSeesBothAndDialsFromEach() {
        restartServerWith(DIAL_PLAN, TWO_DEVICES);
        logInAndConnect(browser, "agent1", "two-lines");
        until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#device-list li"), 2));
        assertThat(browser.findElement(By.id("devices-row")).isDisplayed()).isTrue();
        Select use = new Select(browser.findElement(By.id("device-select")));
        assertThat(use.getOptions()).extracting(WebElement::getText).containsExactly("15001", "15051");
        assertThat(browser.findElement(By.id("dn")).getText()).isEqualTo("15001");
        assertThat(browser.findElement(By.id("monitor")).isDisplayed()).as("an agent, not a supervisor").isFalse();

        // From the second line.
        use.selectByVisibleText("15051");
        until(ExpectedConditions.textToBe(By.id("dn"), "15051"));
        browser.findElement(By.id("destination")).sendKeys("5550100");
        browser.findElement(By.id("dial")).click();
        By second = By.cssSelector("#calls li.call[data-dn='15051']");
        until(ExpectedConditions.attributeToBe(second, "data-state", "Established"));
        assertThat(browser.findElement(second).findElement(By.cssSelector(".call-dn")).getText()).isEqualTo("on 15051");
        assertThat(browser.findElement(second).findElement(By.cssSelector(".participants")).getText()).isEqualTo("With 5550100");

        // And from the first, at the same time: both calls are listed, each with its DN.
        use.selectByVisibleText("15001");
        WebElement destination = browser.findElement(By.id("destination"));
        destination.clear();
        destination.sendKeys("5550123");
        browser.findElement(By.id("dial")).click();
        By first = By.cssSelector("#calls li.call[data-dn='15001']");
        until(ExpectedConditions.attributeToBe(first, "data-state", "Established"));
        assertThat(browser.findElement(first).findElement(By.cssSelector(".call-dn")).getText()).isEqualTo("on 15001");
        assertThat(browser.findElements(By.cssSelector("#calls li.call"))).hasSize(2);
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        screenshot("-two-calls");

        // Do-not-disturb is the chosen device's; the list shows each device's own.
        setState("DoNotDisturbOn");
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#device-list li[data-dn='15001']"), "Do Not Disturb"));
        assertThat(browser.findElement(By.id("device-flags")).getText()).isEqualTo("Do Not Disturb");
        assertThat(browser.findElement(By.cssSelector("#device-list li[data-dn='15051']")).getText()).endsWith("Available");
        use.selectByVisibleText("15051");
        until(ExpectedConditions.textToBe(By.id("device-flags"), "Available"));

        // The first line's call hangs up; the second's stays.
        browser.findElement(first).findElement(By.cssSelector("button[data-op='Hangup']")).click();
        until(ExpectedConditions.numberOfElementsToBe(first, 0));
        assertThat(browser.findElement(second).getAttribute("data-state")).isEqualTo("Established");
    }
}

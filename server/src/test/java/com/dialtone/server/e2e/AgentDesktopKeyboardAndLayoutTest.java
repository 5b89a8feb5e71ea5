package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Usable with the keyboard, readable on a laptop screen, no layout jumps when calls come and go" (issue 6). */
class AgentDesktopKeyboardAndLayoutTest extends DesktopBrowserTest {

    private static final By DIAL = By.id("dial");
    private static final By STATE_SELECT = By.id("state-select");
    private static final By WRAP_UP_BOX = By.id("wrap-up-box");

    @Test
    void onALaptopScreenNothingMovesWhileACallComesIsAnsweredAndEnds() {
        browser.manage().window().setSize(new Dimension(1366, 768));
        logInAndConnect(browser, "agent1", "demo");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("no-recent")));
        Map<String, String> before = rectangles();
        for (By each : new By[] {DIAL, STATE_SELECT, WRAP_UP_BOX}) {
            Rectangle r = browser.findElement(each).getRect();
            assertThat(r.getWidth() * r.getHeight()).as(each + " is shown").isPositive();
            assertThat(r.getY() + r.getHeight()).as(each + " is on the screen, not below it").isLessThanOrEqualTo(viewportHeight());
        }

        Reply injected = rest("POST", "/sim/calls", "admin", "demo", "{\"from\":\"5551234\",\"to\":\"15001\",\"userData\":{\"Product\":\"Guitars\"}}");
        assertThat(injected.body().path("statusCode").asInt()).isZero();
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Ringing"));
        assertThat(rectangles()).as("a call rings").isEqualTo(before);

        browser.findElement(call).findElement(By.cssSelector("button[data-op='Answer']")).click();
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));
        assertThat(rectangles()).as("the call is answered").isEqualTo(before);

        browser.findElement(call).findElement(By.cssSelector("button[data-op='Hangup']")).click();
        until(ExpectedConditions.numberOfElementsToBe(call, 0));
        waitFor(By.cssSelector("#wrap-ups li.wrap-up"));
        until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#recent tr"), 0));
        assertThat(rectangles()).as("the call ended: a wrap-up and a recent call").isEqualTo(before);
        screenshot("-after");
    }

    @Test
    void anAgentLogsInGoesReadyDialsAndHangsUpWithTheKeyboardOnly() {
        browser.get(address + "/");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        until(d -> "user".equals(focused().getAttribute("id"))); // the form starts in the user name
        keys("agent1", Keys.TAB, "demo", Keys.ENTER);
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
        assertThat(focused().getAttribute("id")).as("logged in, ready to type a number").isEqualTo("destination");

        // Back to the state selector: Set, then the selector.
        shiftTab();
        assertThat(focused().getAttribute("id")).isEqualTo("state-apply");
        shiftTab();
        assertThat(focused().getAttribute("id")).isEqualTo("state-select");
        keys(Keys.TAB, Keys.ENTER); // its first choice: log in to the contact centre
        until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "NotReady"));
        shiftTab();
        keys(Keys.ARROW_DOWN); // the next choice: Ready
        assertThat(focused().getAttribute("value")).isEqualTo("Ready");
        keys(Keys.TAB, Keys.ENTER);
        until(ExpectedConditions.attributeToBe(By.id("agent-state"), "data-state", "Ready"));

        // On to the destination, a number, Enter dials.
        keys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("destination");
        keys("5550100", Keys.ENTER);
        By call = By.cssSelector("#calls li.call");
        until(ExpectedConditions.attributeToBe(call, "data-state", "Established"));

        // From the destination, Tab goes past Dial and Clear (the dial pad is for the mouse) to the call's buttons.
        keys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("dial");
        keys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("clear");
        keys(Keys.TAB);
        assertThat(focused().getAttribute("data-op")).as("the call's first button: Hang up").isEqualTo("Hangup");
        assertThat(focused().getText()).isEqualTo("Hang up");
        screenshot("-hangup-focused");
        keys(Keys.ENTER);
        until(ExpectedConditions.numberOfElementsToBe(call, 0));
        WebElement wrapUp = waitFor(By.cssSelector("#wrap-ups li.wrap-up"));
        assertThat(focused()).as("the focus moves on to the wrap-up's note").isEqualTo(wrapUp.findElement(By.cssSelector("textarea")));
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    }

    /** Where each is on the screen, as "x,y width x height" (Selenium's Rectangle does not print itself). */
    private Map<String, String> rectangles() {
        Map<String, String> rectangles = new LinkedHashMap<>();
        rectangles.put("Dial", text(browser.findElement(DIAL).getRect()));
        rectangles.put("state selector", text(browser.findElement(STATE_SELECT).getRect()));
        rectangles.put("wrap-up box", text(browser.findElement(WRAP_UP_BOX).getRect()));
        return rectangles;
    }

    private static String text(Rectangle r) {
        return r.getX() + "," + r.getY() + " " + r.getWidth() + "x" + r.getHeight();
    }

    private int viewportHeight() {
        return ((Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerHeight")).intValue();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void shiftTab() {
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Typed on whatever has the focus, as a person would. */
    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }
}

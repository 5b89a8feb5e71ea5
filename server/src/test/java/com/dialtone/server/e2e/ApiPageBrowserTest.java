package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.openapi.OpenApiResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The API page the README links to: a real browser opens /api-docs.html and Swagger UI shows every operation. */
class ApiPageBrowserTest extends DesktopBrowserTest {

    @Test
    void theApiPage_rendersEveryOperationOfTheDescription() {
        // Swagger UI shows an operation once under each of its tags.
        int operations = 0;
        JsonNode paths = OpenApiResource.load().get("paths");
        for (Iterator<JsonNode> each = paths.elements(); each.hasNext(); ) {
            JsonNode path = each.next();
            for (Iterator<String> methods = path.fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "delete").contains(method)) {
                    operations += path.get(method).get("tags").size();
                }
            }
        }
        browser.get(address + "/api-docs.html");
        waitFor(By.cssSelector(".swagger-ui .info .title"));
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("Dialtone");
        int expected = operations;
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), expected));
        assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
                .anySatisfy(path -> assertThat(path.getText()).contains("/api/v2/me/calls/{id}"));
    }
}

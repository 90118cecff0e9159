package org.gongji.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rest.ApiClient.Reply;
import org.gongji.store.OpenStore;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a bureau officer uses it, in headless Chromium from Debian's packages: sign in,
 * read the regions and the rules, preview a visit, run a simulation. Screenshots go to
 * {@code target/screenshots}. Skipped where no browser is installed, unless
 * {@code gongji.browser.required} (set by {@code .ci/run}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    OpenStore store;
    GongjiServer server;
    WebDriver browser;
    WebDriverWait wait;
    ApiClient api;

    @BeforeAll
    void start() {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (Boolean.getBoolean("gongji.browser.required")) {
            assertThat(present).as("chromium and chromedriver are installed").isTrue();
        }
        assumeTrue(present, "no chromium/chromedriver on this machine");
        MapRegionRegistry regions = new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt"));
        store = Stores.open(StoreConfig.derby(tmp.resolve("data")), regions);
        server = GongjiServer.start(store, regions, "127.0.0.1", 0);
        api = ApiClient.admin(store, server.baseUri());
        api.put("/api/v1/institutions/H1", "{\"name\":\"焦作市人民医院\",\"region\":\"410800\",\"level\":\"TERTIARY\",\"provincial\":false}");
        for (String p : List.of("S1", "S2")) {
            api.put("/api/v1/persons/" + p, """
                    {"name":"张三","birthDate":"1980-05-01","category":"EMPLOYED","region":"410800","monthlyContributionBase":6000.00}""");
        }
        for (String date : List.of("2026-01-05", "2026-02-05", "2026-03-05")) {
            Reply r = api.post("/api/v1/settlements", """
                    {"personId":"S1","institutionId":"H1","date":"%s","medType":"GENERAL_OUTPATIENT",
                     "lines":[{"code":"A001","name":"检查","catalogueClass":"A","amount":1000.00}]}""".formatted(date));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + tmp.resolve("chromium-profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            store.close();
        }
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("gongji.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void signIn() {
        browser.get(server.baseUri() + "/console/");
        visible("token").sendKeys(api.token());
        browser.findElement(By.id("sign-in")).click();
        visible("nav");
    }

    @Test
    void aWrongTokenDoesNotSignIn() {
        browser.get(server.baseUri() + "/console/");
        visible("token").sendKeys("not-a-token");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "UNAUTHENTICATED"));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    @Test
    void anOfficerSignsInReadsRegionsAndRulesPreviewsAVisitAndRunsASimulation() throws IOException {
        signIn();

        // regions: Jiaozuo serving, its conformance, the number of assumptions still to confirm
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regions-table"), "410800"));
        WebElement jiaozuo = browser.findElement(By.cssSelector("#regions-table tr[data-region='410800']"));
        wait.until(d -> !jiaozuo.findElements(By.tagName("td")).get(7).getText().equals("…"));
        assertThat(jiaozuo.getText()).contains("焦作", "SERVING");
        assertThat(jiaozuo.findElements(By.tagName("td")).get(7).getText()).matches("\\d+");
        screenshot("1-regions");

        // the rules on a date, each number with its clause
        browser.findElement(By.id("nav-rules")).click();
        new Select(visible("rules-region")).selectByValue("410800");
        browser.findElement(By.cssSelector("#rules-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-table"), "outpatient.cap.employed"));
        WebElement cap = browser.findElements(By.cssSelector("#rules-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith("outpatient.cap.employed")).findFirst().orElseThrow();
        assertThat(cap.getText()).contains("1300.00", "焦政办〔2022〕22号 二(一)");
        screenshot("2-rules");

        // a preview of 1000.00 at the tertiary hospital: (1000 - 50) × 50 % = 475.00, with its explanation
        browser.findElement(By.id("nav-calculator")).click();
        visible("calc-person").sendKeys("S2");
        browser.findElement(By.id("calc-institution")).sendKeys("H1");
        WebElement date = browser.findElement(By.id("calc-date"));
        ((ChromeDriver) browser).executeScript("arguments[0].value = '2026-03-10'", date);
        WebElement line = browser.findElement(By.cssSelector("#calc-lines tbody tr"));
        line.findElement(By.cssSelector("[data-field='code']")).sendKeys("A001");
        line.findElement(By.cssSelector("[data-field='amount']")).sendKeys("1000.00");
        browser.findElement(By.id("calc-submit")).click();
        WebElement pool = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#calc-summary tr[data-field='poolPaid']")));
        assertThat(pool.getText()).contains("475.00");
        assertThat(browser.findElement(By.id("calc-trace")).getText()).contains("焦政办〔2022〕22号");
        screenshot("3-calculator");

        // a simulation: the cap of 1300.00 lowered to 1000.00 over the booked year 2026
        browser.findElement(By.id("nav-simulations")).click();
        new Select(visible("sim-region")).selectByValue("410800");
        WebElement year = browser.findElement(By.id("sim-year"));
        year.clear();
        year.sendKeys("2026");
        WebElement change = browser.findElement(By.cssSelector("#sim-changes tbody tr"));
        change.findElement(By.cssSelector("[data-field='key']")).sendKeys("outpatient.cap.employed");
        change.findElement(By.cssSelector("[data-field='value']")).sendKeys("1000.00");
        browser.findElement(By.id("sim-submit")).click();
        visible("sim-result");
        WebElement pooled = browser.findElement(By.cssSelector("#sim-totals tr[data-item='统筹基金支付']"));
        assertThat(pooled.getText()).contains("1300.00", "1000.00", "-300.00");
        assertThat(browser.findElements(By.cssSelector("#sim-chart svg rect[data-side='draft']"))).hasSize(3);
        assertThat(browser.findElement(By.id("sim-changed")).getText()).contains("outpatient.cap.employed", "1300.00", "焦政办");
        assertThat(browser.findElement(By.id("sim-reproduction")).getText()).contains("一致");
        screenshot("4-simulation");

        // the same draft over an uploaded claim file instead: one visit of 1000.00 pools 475.00 under both
        Path claims = tmp.resolve("claims-2026.csv");
        Files.writeString(claims, "person,category,age,date,level,medicalType,classA\n"
                + "U1,EMPLOYED,45,2026-04-10,TERTIARY,GENERAL_OUTPATIENT,1000.00\n");
        browser.findElement(By.id("sim-file")).sendKeys(claims.toString());
        browser.findElement(By.id("sim-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#sim-totals tr[data-item='统筹基金支付']"), "475.00"));
        assertThat(browser.findElements(By.cssSelector("#sim-chart svg rect[data-side='draft']"))).hasSize(1);

        // the filing check of a draft table: Jiaozuo's own, uploaded as a bureau would
        browser.findElement(By.id("nav-filing")).click();
        Path draft = tmp.resolve("410800-draft.txt");
        try (var in = StandardRegion.class.getClassLoader().getResourceAsStream("rules/410800-jiaozuo.txt")) {
            Files.copy(in, draft, StandardCopyOption.REPLACE_EXISTING);
        }
        visible("filing-file").sendKeys(draft.toString());
        browser.findElement(By.id("filing-submit")).click();
        WebElement report = visible("filing-report");
        assertThat(report.getText()).contains("备案校验 410800", "参数词表：通过", "假设：");
        screenshot("5-filing");

        // signing out returns to the sign-in form
        browser.findElement(By.id("sign-out")).click();
        visible("token");
    }
}

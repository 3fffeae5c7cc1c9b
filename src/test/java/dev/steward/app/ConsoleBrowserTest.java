package dev.steward.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.steward.console.Overview;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.config.CheckId;
import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoService;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.Fault;
import dev.steward.demo.LocalServers;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.testing.HandDrivenDaemon;
import dev.steward.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: Debian's headless Chromium driven by Playwright for Java, against the real daemon
 * watching the demo stack. Time is the daemon's hand-driven clock: the test moves it, runs the checks and publishes
 * the live update; the browser receives it over server-sent events, and Playwright's assertions wait for the page to
 * show it. Screenshots of the main pages go to {@code target/screenshots/} (not committed).
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("steward.chromium", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant T0 = Instant.parse("2027-10-31T00:59:50Z");
    private static Playwright playwright;
    private static Browser browser;

    private final ManualClock clock = new ManualClock(T0);

    @TempDir
    Path dir;

    private DemoStack demo;
    private Daemon daemon;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "the browser tests need Debian's chromium at " + CHROMIUM + ": apt-get install chromium");
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(SHOTS);
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        Path stackFile = DemoStackFile.forStack(demo, LocalServers.NONE).writeTo(dir.resolve("stack.yml"));
        String hash = new Argon2PasswordHasher().hash("correct horse");
        Files.writeString(
                stackFile,
                Files.readString(stackFile) + "access:\n  users:\n    ops: {role: operator, password_hash: '" + hash
                        + "'}\n");
        daemon = HandDrivenDaemon.start(
                stackFile, dir.resolve("data"), clock, cfg -> demo.faultApi().mount(cfg));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + daemon.port() + path;
    }

    private void runUntil(Instant until) {
        while (true) {
            Optional<Instant> next = daemon.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                daemon.tick();
                return;
            }
            clock.set(next.get());
            daemon.tick();
        }
    }

    /** Runs the checks a second at a time until api/health is in {@code status}, then publishes the live update. */
    private void runUntilApi(CheckStatus status) {
        CheckId api = new CheckId("api", "health");
        Instant t = clock.instant();
        for (int i = 0; i < 600 && daemon.checks().get(api).state().status() != status; i++) {
            t = t.plusSeconds(1);
            runUntil(t);
        }
        assertThat(daemon.checks().get(api).state().status()).isEqualTo(status);
        daemon.console().live().publish();
    }

    /** A JSON API call as the operator {@code ops}, with HTTP Basic. */
    private java.net.http.HttpResponse<String> postAsOps(String path, String json) throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString("ops:correct horse".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    private void logIn() {
        page.navigate(url("/ui"));
        assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fui$"));
        shot("login");
        page.getByLabel("User name").fill("ops");
        page.getByLabel("Password").fill("correct horse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/ui$"));
    }

    @Test
    void theMatrixTurnsRedWhenTheApiFailsAndGreenWhenItRecoversWithoutAReload() {
        runUntil(T0.plusSeconds(15));
        daemon.console().live().publish();
        logIn();
        String cell = "#" + Overview.domId(new CheckId("api", "health"));
        assertThat(page.locator(cell)).hasClass(Pattern.compile("\\bup\\b"));
        assertThat(page.getByTestId("overall")).hasText("up");
        shot("overview");
        page.evaluate("window.__steward_marker = 'same page'");

        demo.faults().inject(DemoService.API, new Fault.Down());
        runUntilApi(CheckStatus.DOWN);
        assertThat(page.locator(cell)).hasClass(Pattern.compile("\\bdown\\b"));
        assertThat(page.getByTestId("overall")).hasText("down");
        assertThat(page.getByTestId("service-api")).hasText("down");
        assertThat(page.evaluate("window.__steward_marker")).isEqualTo("same page");
        shot("overview-api-down");

        // the incident the failure opened (after the built-in routing's 30 s group wait): acknowledge it
        runUntil(clock.instant().plusSeconds(40));
        page.navigate(url("/ui/incidents"));
        shot("incidents");
        page.locator("table a[href^='/ui/incidents/']").first().click();
        assertThat(page.getByTestId("incident-state")).hasText("triggered");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge"))
                .click();
        assertThat(page.getByTestId("incident-state")).hasText("acknowledged");
        shot("incident");

        // silence the firing alert from the alerts page, its labels prefilled
        page.navigate(url("/ui/alerts"));
        shot("alerts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Silence…"))
                .first()
                .click();
        assertThat(page.getByLabel("Matchers, one per line")).not().isEmpty();
        page.locator("#s-comment").fill("api restarting");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create silence"))
                .click();
        assertThat(page.getByTestId("silences-active")).containsText("api restarting");
        assertThat(page.getByTestId("silences-active")).containsText("ops");
        shot("silences");
        assertThat(daemon.checks().get(new CheckId("api", "health")).state().status())
                .isEqualTo(CheckStatus.DOWN);

        // the public status page, as an anonymous visitor sees it: the outage shows, the draft does not yet
        BrowserContext visitor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page status = visitor.newPage();
        status.navigate(url("/status"));
        assertThat(status.getByRole(AriaRole.STATUS)).not().hasText("All systems operational");
        assertThat(status.locator("#open-incidents")).hasCount(0);
        // an operator publishes Steward's draft from the console; the visitor sees the incident on reload
        page.navigate(url("/ui/status-page"));
        shot("status-page-drafts");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish"))
                .first()
                .click();
        status.reload();
        assertThat(status.locator("#open-incidents")).hasCount(1);
        status.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("status-page.png"))
                .setFullPage(true));
        visitor.close();
        page.navigate(url("/ui"));
        assertThat(page.getByTestId("overall")).hasText("down");
        page.evaluate("window.__steward_marker = 'same page'");

        demo.faults().clearAll();
        runUntilApi(CheckStatus.UP);
        assertThat(page.locator(cell)).hasClass(Pattern.compile("\\bup\\b"));
        assertThat(page.getByTestId("overall")).hasText("up");
        assertThat(page.getByTestId("service-api")).hasText("up");
        // every change came over the live stream: the page was never reloaded
        assertThat(page.evaluate("window.__steward_marker")).isEqualTo("same page");

        clock.set(clock.instant().plusSeconds(61));
        daemon.housekeep(); // saves the completed minute rollups the chart shows
        page.locator(cell).click();
        assertThat(page).hasURL(Pattern.compile("/ui/checks/api/health$"));
        assertThat(page.getByTestId("check-status")).hasText("up");
        assertThat(page.locator("[data-chart=latency] canvas")).hasCount(1);
        shot("check");
        page.navigate(url("/ui/services/api"));
        assertThat(page.getByTestId("service-status")).hasText("up");
        assertThat(page.locator("svg.graph")).isVisible();
        shot("service");
    }

    @Test
    void anOperatorPausesADeploymentFromItsPageWithAReasonAndResumesIt() throws Exception {
        runUntil(T0.plusSeconds(20));
        logIn();
        var started = postAsOps(
                "/api/v1/deployments",
                "{\"service\":\"checkout\",\"environment\":\"staging\",\"version\":\"1.1.0\",\"stable_version\":\"1.0.0\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        runUntil(clock.instant().plusSeconds(1));

        // g then d jumps to the deployments, the row leads to the deployment's page
        page.keyboard().press("g");
        page.keyboard().press("d");
        assertThat(page).hasURL(Pattern.compile("/ui/deployments$"));
        assertThat(page.getByTestId("deployments")).containsText("1/3 · 20 %");
        shot("deployments");
        page.locator("table a[href^='/ui/deployments/']").first().click();
        assertThat(page.getByTestId("deployment-state")).hasText("analysing");
        // the section refreshes itself, but not while a reason is being written
        assertThat(page.evaluate("stewardIdle()")).isEqualTo(true);
        page.getByLabel("Reason (optional)").fill("watching the error budget");
        assertThat(page.evaluate("stewardIdle()")).isEqualTo(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause"))
                .click();
        assertThat(page.getByTestId("deployment-state")).hasText("paused");
        assertThat(page.getByTestId("state-detail")).containsText("watching the error budget");
        assertThat(page.getByTestId("timeline")).containsText("pause");
        shot("deployment-paused");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume"))
                .click();
        assertThat(page.getByTestId("deployment-state")).hasText("analysing");
        // what the timer asks for (an htmx GET of the section) brings what happened since: here an abort by the API
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        var aborted = postAsOps("/api/v1/deployments/" + id + "/abort", "{\"reason\":\"by the API\"}");
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
        page.evaluate("htmx.ajax('GET', location.pathname, {target: '#deployment', swap: 'outerHTML'})");
        assertThat(page.getByTestId("deployment-state")).hasText("aborted");
        assertThat(page.locator("#deployment")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
        // the overview's system panel links to it
        page.navigate(url("/ui"));
        page.getByTestId("last-deployment").click();
        assertThat(page.getByTestId("deployment-state")).hasText("aborted");

        // on a phone in dark mode the page is no wider than the screen
        context.close();
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setColorScheme(ColorScheme.DARK)
                .setIsMobile(true));
        page = context.newPage();
        logIn();
        page.navigate(url("/ui/deployments"));
        page.locator("table a[href^='/ui/deployments/']").first().click();
        assertThat(page.getByTestId("deployment-state")).hasText("aborted");
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        shot("deployment-phone-dark");
    }

    @Test
    void theConsoleReadsOnAPhoneInDarkMode() {
        runUntil(T0.plusSeconds(15));
        context.close();
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setColorScheme(ColorScheme.DARK)
                .setIsMobile(true));
        page = context.newPage();
        logIn();
        // nothing wider than the screen: no horizontal scrolling of the page
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Object background = page.evaluate("getComputedStyle(document.body).backgroundColor");
        assertThat(background.toString()).isEqualTo("rgb(15, 18, 22)");
        shot("overview-phone-dark");
        // keyboard: the first Tab reaches the skip link, which moves focus to the content
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to content");
    }
}

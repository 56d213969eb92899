package io.github.kalturareport.core.check.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through the system chromedriver: never a driver or browser that Selenium
 * Manager downloads. Found at {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or where
 * {@code KALTURA_TEST_CHROMIUM} and {@code KALTURA_TEST_CHROMEDRIVER} point. Locally a missing browser skips the
 * test, saying why; with {@code CI=true} it fails it, so CI can never pass without having opened the page.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM_ENV = "KALTURA_TEST_CHROMIUM";
    static final String DRIVER_ENV = "KALTURA_TEST_CHROMEDRIVER";
    private static final String MANAGER_LOGGER = "org.openqa.selenium.manager";
    /** Held so the level set below stays (JUL keeps loggers weakly). */
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Logger managerLogger;
    private final ManagerWatch managerWatch;

    private HeadlessChromium(ChromeDriver driver, Logger managerLogger, ManagerWatch managerWatch) {
        this.driver = driver;
        this.managerLogger = managerLogger;
        this.managerWatch = managerWatch;
    }

    /**
     * Starts the browser with a fresh profile in {@code profile}, or skips (locally) or fails (CI) the calling test
     * when Chromium or its driver is missing.
     */
    static HeadlessChromium start(Path profile) throws Exception {
        Path chromium = executable(CHROMIUM_ENV, "/usr/bin/chromium", "chromium");
        Path chromedriver = executable(DRIVER_ENV, "/usr/bin/chromedriver", "chromium-driver");
        // Selenium Manager runs only when no driver path is given; this watch proves it never ran.
        Logger managerLogger = Logger.getLogger(MANAGER_LOGGER);
        ManagerWatch watch = new ManagerWatch();
        managerLogger.setLevel(Level.ALL);
        managerLogger.addHandler(watch);
        // The test speaks WebDriver only; Selenium's warning that it has no DevTools classes for this Chromium
        // version is noise in the build log.
        CDP_FINDER.setLevel(Level.SEVERE);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            managerLogger.removeHandler(watch);
            service.stop();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, managerLogger, watch);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** What Selenium Manager logged while the browser ran: empty when it was never invoked. */
    List<String> seleniumManagerRecords() {
        return List.copyOf(managerWatch.records);
    }

    /**
     * The executable an environment variable names, or the Debian path. Missing: the test is skipped locally, and
     * fails under CI=true, naming what to install.
     */
    static Path executable(String env, String debianPath, String debianPackage) {
        String override = System.getenv(env);
        Path path = Path.of(override != null && !override.isBlank() ? override.strip() : debianPath);
        if (Files.isRegularFile(path) && Files.isExecutable(path)) {
            return path;
        }
        String reason = "No executable " + path + (override != null && !override.isBlank() ? " (from " + env + ")"
                : "") + ": install Debian's " + debianPackage + " (.ci/chromium does), or point " + env
                + " at one. The real-browser test of report.html needs it.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true, so the browser test must run. " + reason);
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** Quits the browser and stops the driver, whatever happened. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            managerLogger.removeHandler(managerWatch);
        }
    }

    /** Records every log record of Selenium Manager. */
    private static final class ManagerWatch extends Handler {
        final List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            records.add(record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

package org.kinship.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (deploy/test.sh installs both).
 * Nothing is downloaded: the driver and browser paths are given, so Selenium Manager is never asked.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (empty profile: no cookies) with a window of the given size. */
    public static Browser open(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: run deploy/test.sh,"
                    + " which installs them");
        }
        try {
            Path profile = Files.createTempDirectory("kinship-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through Keycloak's real login page and lands on {@code path}. */
    public void signIn(String path, String user) {
        go("/login" + path);
        await(By.id("username")).sendKeys(user);
        driver().findElement(By.id("password")).sendKeys(Tokens.password(user));
        driver().findElement(By.id("kc-login")).click();
    }

    public void go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : Api.baseUrl() + pathOrUrl);
    }

    /** Waits (up to 20 s: an old phone's patience) for an element to be visible. */
    public WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until what {@code read} takes from the element {@code by} finds passes {@code check}, and returns it.
     * A page may paint an element twice (first from what it had, then from fresh data); reading inside the wait
     * survives that swap, where an element held from {@link #await} would go stale.
     */
    public <T> T awaitRead(By by, java.util.function.Function<WebElement, T> read, java.util.function.Predicate<T> check) {
        java.util.concurrent.atomic.AtomicReference<T> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> {
                        T value = read.apply(d.findElement(by));
                        last.set(value);
                        return check.test(value) ? value : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 20 s for " + by + "; last read: " + last.get(), e);
        }
    }

    /** Waits until no element matches: a form closing after its request succeeded, say. */
    public void awaitGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void awaitUrlContaining(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(fragment));
    }

    public long scrollWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        ItEnvironment.deleteTree(profile);
    }
}

package dev.shellcamp.classroom;

import dev.shellcamp.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless Chromium through its chromedriver, for the class pages' browser tests. */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** A 1280x800 page whatever the window's frame takes; skipped, or failed where required, without Chromium. */
  static ChromeDriver start(Path profile) throws IOException {
    Require.present("chromium", !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)
        ? "no " + CHROMIUM + " or " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)" : null);
    // the driver named here, so Selenium Manager never looks for one on the network
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--lang=en-US", "--window-size=1280,800",
        "--user-data-dir=" + Files.createDirectories(profile));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriver browser = new ChromeDriver(o);
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    return browser;
  }
}

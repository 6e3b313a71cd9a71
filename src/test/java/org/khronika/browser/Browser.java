package org.khronika.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with JavaScript switched
 * off: what a cautious user of Tor Browser at its safest setting gets.
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("khronika.test.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("khronika.test.chromedriver", "/usr/bin/chromedriver");

	private Browser() {
	}

	static ChromeDriver withoutJavaScript() {
		try {
			Path profile = Files.createTempDirectory("khronika-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--lang=en-US", "--window-size=1280,1600", "--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

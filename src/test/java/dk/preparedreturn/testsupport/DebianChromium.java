package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The browser tests' Chromium: Debian's, headless, never one Playwright downloads. */
public final class DebianChromium {

  public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private DebianChromium() {
  }

  /** A started Playwright with Debian's Chromium, closed together (a browser test class holds one). */
  public record Session(Playwright playwright, Browser browser) implements AutoCloseable {
    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }

  /** Playwright and Debian's Chromium, for a browser test class's {@code @BeforeAll}. */
  public static Session start() {
    Playwright playwright = playwright();
    try {
      return new Session(playwright, launch(playwright));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** Playwright that must not download a browser. */
  public static Playwright playwright() {
    assertThat(EXECUTABLE).as("Debian's Chromium (apt-get install chromium); Playwright must not download one")
        .isExecutable();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    return Playwright.create(new Playwright.CreateOptions().setEnv(env));
  }

  /** Debian's Chromium with the flags this machine needs (no sandbox as root, no background network). */
  public static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage")));
  }
}

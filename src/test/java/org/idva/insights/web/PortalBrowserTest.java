package org.idva.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.idva.insights.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (headless Chromium driven by Selenium WebDriver, JavaScript not
 * needed by any page): a lead signs in, uploads a good return, a return with a query and a broken
 * file, explains the query, downloads the checked workbook (opened with POI), signs out; the other
 * service's lead sees none of it. Screenshots for docs/portal.md land in target/portal-screenshots.
 */
class PortalBrowserTest {
  static final Path SHOTS = Path.of("target", "portal-screenshots");

  @TempDir Path dir;
  PortalFixture fx;
  WebDriver driver;
  Path downloads;

  @BeforeEach
  void start() throws Exception {
    fx = new PortalFixture(dir);
    downloads = Files.createDirectories(dir.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1100,1000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    fx.close();
  }

  private void signIn(String email) {
    driver.get(fx.base() + "/login");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
    submit(By.cssSelector("button[type=submit].button"));
  }

  /** Clicks a button or link that loads a new page and waits until the new page is there. */
  private void submit(By by) {
    WebElement old = driver.findElement(By.tagName("html"));
    driver.findElement(by).click();
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> isGone(old));
  }

  /**
   * True once the element's page has been replaced. Chromium reports a node of a page that is gone
   * either as stale or, while the new page is being built, as "Node with given id does not belong
   * to the document": both mean the old page is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private Path file(String name, byte[] bytes) throws Exception {
    Path f = Files.createDirectories(dir.resolve("files")).resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private void upload(Path... files) {
    WebElement input = driver.findElement(By.id("returns"));
    input.sendKeys(
        String.join("\n", Stream.of(files).map(p -> p.toAbsolutePath().toString()).toList()));
    submit(By.xpath("//button[normalize-space()='Upload and check']"));
  }

  private void shot(String name) throws Exception {
    Path png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private String page() {
    return driver.findElement(By.tagName("body")).getText();
  }

  @Test
  void aLeadUploadsExplainsDownloadsAndSignsOutAndTheOtherServiceSeesNothing() throws Exception {
    signIn(PortalFixture.LEAD1);
    assertThat(driver.getCurrentUrl()).endsWith("/services/SVC01");
    assertThat(page()).contains("North Idva service").contains("Not yet received");
    shot("start-page");

    // an upload without a file: the error summary links to the field
    submit(By.xpath("//button[normalize-space()='Upload and check']"));
    assertThat(page()).contains("There is a problem").contains("Select a return file");
    driver.findElement(By.cssSelector(".error-summary a")).click();
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("returns");

    upload(file("SVC01_2022-23-Q1.xlsx", PortalFixture.goodReturn("SVC01", 3)));
    assertThat(page()).contains("Accepted").contains("Nothing to correct or explain");

    driver.get(fx.base() + "/services/SVC01");
    upload(
        file("SVC01_2022-23-Q1.xlsx", PortalFixture.returnWithQuery("SVC01")),
        file("SVC01_2022-23-Q1-again.xlsx", "this is not a workbook".getBytes()));
    String both = page();
    assertThat(both)
        .contains("Your 2 uploads")
        .contains("Accepted with queries")
        .contains("Rejected");
    assertThat(both).contains("case C001");
    shot("upload-result");

    WebElement box = driver.findElement(By.cssSelector("form.explain textarea"));
    box.sendKeys("The review was held after the quarter by agreement with the client.");
    submit(By.xpath("//button[normalize-space()='Save explanation']"));
    assertThat(page()).contains("Explained by " + PortalFixture.LEAD1);

    driver.get(fx.base() + "/services/SVC01");
    String start = page();
    assertThat(start).contains("2022-23 Q1 Explained Nothing to do: every query is explained");

    driver.get(fx.base() + "/services/SVC01/returns/2022-23-Q1");
    assertThat(page()).contains("Replaced by a later return").contains("Counts: the newest usable");
    shot("quarter-history");
    driver.findElement(By.linkText("Download the checked workbook")).click();
    Path checked = awaitDownload("-checked.xlsx");
    try (InputStream in = Files.newInputStream(checked);
        Workbook wb = WorkbookFactory.create(in)) {
      assertThat(wb.getSheet("Intake")).isNotNull();
      assertThat(wb.getNumberOfSheets()).isGreaterThan(3);
    }

    submit(By.xpath("//button[normalize-space()='Sign out']"));
    assertThat(driver.getCurrentUrl()).endsWith("/login");
    driver.get(fx.base() + "/services/SVC01");
    assertThat(driver.getCurrentUrl()).endsWith("/login");

    signIn(PortalFixture.LEAD2);
    assertThat(driver.getCurrentUrl()).endsWith("/services/SVC02");
    assertThat(page())
        .doesNotContain("Explained")
        .doesNotContain("Accepted")
        .contains("Not yet received");
    for (String path :
        List.of(
            "/services/SVC01",
            "/services/SVC01/returns/2022-23-Q1",
            "/services/SVC01/uploads/2",
            "/services/SVC02/uploads/2",
            "/analyst")) {
      driver.get(fx.base() + path);
      assertThat(page()).as(path).contains("Page not found").doesNotContain("C001");
    }
    submit(By.xpath("//button[normalize-space()='Sign out']"));

    signIn(PortalFixture.ANALYST);
    assertThat(driver.getCurrentUrl()).endsWith("/analyst");
    String grid = page();
    assertThat(grid)
        .contains("SVC01")
        .contains("SVC02")
        .contains("Explained")
        .contains("0 open, 1 explained");
    shot("analyst-grid");
    driver.get(fx.base() + "/services/SVC01/returns/2022-23-Q1");
    assertThat(page())
        .contains("The review was held after the quarter")
        .contains("Check DATE_OUTSIDE_QUARTER");

    driver.manage().window().setSize(new Dimension(400, 900));
    driver.get(fx.base() + "/services/SVC01");
    shot("phone-start-page");
    try (CaseStore store = fx.openStore()) {
      assertThat(store.history("SVC02")).isEmpty();
      assertThat(store.audit().latest(0).stream().map(e -> e.action()))
          .contains("sign-in", "upload", "explanation", "download", "sign-out");
    }
  }

  private Path awaitDownload(String suffix) throws Exception {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d -> {
              try (Stream<Path> s = Files.list(downloads)) {
                return s.anyMatch(p -> p.getFileName().toString().endsWith(suffix));
              } catch (java.io.IOException e) {
                return false;
              }
            });
    try (Stream<Path> s = Files.list(downloads)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }
}

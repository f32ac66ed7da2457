package org.detentionaudit.jobs.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser helper sees what a reader would: the DOM after scripts, the console's errors, the picture. */
class HeadlessChromiumTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static HeadlessChromium chromium;

  @TempDir Path dir;

  @BeforeAll
  static void startBrowser() {
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void cleanPageGivesTheDomAfterItsScriptsAndAScreenshot() throws IOException {
    Path page =
        write(
            "clean.html",
            """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Clean page</title></head>
            <body><p id="filled">before</p><p id="late">before</p>
            <script>
              document.getElementById('filled').textContent = 'set by script';
              console.log('a log line is not an error');
              console.warn('neither is a warning');
              window.addEventListener('load', () => { document.getElementById('late').textContent = 'set on load'; });
            </script></body></html>
            """);
    Path screenshot = HeadlessChromium.artifactDirectory().resolve("headless-chromium-clean.png");
    Files.deleteIfExists(screenshot);

    RenderedPage rendered = chromium.render(page, screenshot);

    assertThat(rendered.problems()).isEmpty();
    assertThat(rendered.title()).isEqualTo("Clean page");
    assertThat(rendered.document().getElementById("filled").text()).isEqualTo("set by script");
    assertThat(rendered.document().getElementById("late").text()).isEqualTo("set on load");
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    assertThat(png.length).isGreaterThan(1_000);
  }

  @Test
  void consoleErrorsExceptionsRejectionsAndFailedLoadsAreReported() throws IOException {
    Path page =
        write(
            "broken.html",
            """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Broken page</title></head>
            <body><p>text</p>
            <script>console.error('deliberate console error', 42);</script>
            <script>throw new TypeError('deliberate uncaught exception');</script>
            <script>Promise.reject(new Error('deliberate rejection'));</script>
            <script>console.assert(1 === 2, 'deliberate failed assertion');</script>
            <img src="missing-picture.png" alt="">
            </body></html>
            """);

    RenderedPage rendered = chromium.render(page, dir.resolve("broken.png"));

    assertThat(rendered.problems())
        .as("every error the console showed, and nothing else")
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).startsWith("console.error: deliberate console error 42").contains("broken.html:3"))
        .anySatisfy(p -> assertThat(p).startsWith("uncaught exception: Uncaught TypeError: deliberate uncaught exception").contains("broken.html:4"))
        .anySatisfy(p -> assertThat(p).contains("Uncaught (in promise)").contains("deliberate rejection"))
        .anySatisfy(p -> assertThat(p).startsWith("console.assert: ").contains("deliberate failed assertion"))
        .anySatisfy(p -> assertThat(p).contains("missing-picture.png"));
  }

  @Test
  void aMissingBrowserFailsWithHowToInstallIt() {
    assertThatThrownBy(() -> HeadlessChromium.launch(dir.resolve("no-chromium")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-chromium is missing")
        .hasMessageContaining("apt-get install --no-install-recommends chromium")
        .hasMessageContaining("DETENTION_AUDIT_SKIP_BROWSER=1");
  }

  private Path write(String name, String html) throws IOException {
    return Files.writeString(dir.resolve(name), html);
  }
}

package org.detentionaudit.jobs.browser;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A page as headless Chromium left it once it had loaded and its scripts had run.
 *
 * @param url the address that was opened
 * @param title {@code document.title}
 * @param html the live DOM serialized ({@code document.documentElement.outerHTML}), not the file
 * @param problems console errors, uncaught exceptions and browser-logged errors (failed loads,
 *     blocked content), in the order they happened; empty for a clean page
 * @param screenshot the PNG of the whole page
 */
public record RenderedPage(URI url, String title, String html, List<String> problems, Path screenshot) {
  public RenderedPage {
    problems = List.copyOf(problems);
  }

  /** The DOM parsed with jsoup, relative links resolved against {@link #url()}. */
  public Document document() {
    return Jsoup.parse(html, url.toString());
  }
}

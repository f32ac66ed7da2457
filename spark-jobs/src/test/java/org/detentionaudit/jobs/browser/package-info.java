/**
 * Test support that opens {@code report.html} in a real browser (headless Chromium, driven over the
 * DevTools protocol) and traces every number the page shows to the output table it comes from.
 */
package org.detentionaudit.jobs.browser;

/**
 * Public entry point of the sample-data module: {@link org.detentionaudit.sample.SampleGenerator}
 * writes seeded, realistic ICE detention placements with known defects in several layouts and file
 * formats, and returns a {@link org.detentionaudit.sample.Manifest} of the exact rule counts an audit
 * must find. {@link org.detentionaudit.sample.ReleaseSeries} writes several releases of one
 * generated population, with changes planted between the last two, and a {@link
 * org.detentionaudit.sample.ReleaseManifest} ({@code releases.json}) listing them.
 */
package org.detentionaudit.sample;

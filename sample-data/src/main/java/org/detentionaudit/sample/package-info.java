/**
 * Public entry point of the sample-data module: {@link org.detentionaudit.sample.SampleGenerator}
 * writes seeded, realistic ICE detention placements with known defects in several layouts and file
 * formats, and returns a {@link org.detentionaudit.sample.Manifest} of the exact rule counts an audit
 * must find.
 */
package org.detentionaudit.sample;

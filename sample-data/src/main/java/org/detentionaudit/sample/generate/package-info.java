/**
 * Seeded generation of people, stays and placements, and the seeding of defects and near misses
 * into them, one person at a time so that output streams.
 */
package org.detentionaudit.sample.generate;

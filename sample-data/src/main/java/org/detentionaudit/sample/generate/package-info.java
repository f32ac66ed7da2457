/**
 * Seeded generation of people, stays and placements, and the seeding of defects and near misses
 * into them, one person at a time so that output streams. A {@link
 * org.detentionaudit.sample.generate.DefectProfile} sets how defective the data are as a whole:
 * calibrated to the shares of real releases (the default), or heavy (every rule failing often, for
 * tests on small data).
 */
package org.detentionaudit.sample.generate;

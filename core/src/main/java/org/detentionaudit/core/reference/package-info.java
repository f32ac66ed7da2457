/**
 * Reference data about detention facilities: the bundled facility list (derived from ICE's 2017
 * facility list and the facility codes of the Deportation Data Project's February 2025 release) and
 * the user's own list given with {@code --facilities}. The rules use it to tell known facility codes
 * from unknown ones (and, where a layout has names but no codes, known names: {@code FacilityNames}
 * is the exact normal form names are compared by) and to find facilities ICE marks as holding
 * people under 72 hours ({@code placement.hold_room_over_72h}); the cost estimates use its per-diem
 * rates.
 */
package org.detentionaudit.core.reference;

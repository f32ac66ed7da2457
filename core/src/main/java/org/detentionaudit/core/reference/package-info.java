/**
 * Reference data about detention facilities: the bundled facility list (derived from ICE's 2017
 * facility list and the facility codes of the Deportation Data Project's February 2025 release) and
 * the user's own list given with {@code --facilities}. The rules use it to tell known facility codes
 * from unknown ones; the cost estimates use its per-diem rates.
 */
package org.detentionaudit.core.reference;

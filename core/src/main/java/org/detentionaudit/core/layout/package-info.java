/**
 * Layouts of released detention tables, described as data (one YAML file per layout) and matched
 * against the header of each input: which column holds which canonical field, which date formats
 * to try, and how many preamble lines may precede the header.
 */
package org.detentionaudit.core.layout;

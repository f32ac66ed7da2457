package org.detentionaudit.core.report;

/**
 * One failing record shown in the report as an example, with where to find it.
 *
 * @param ruleId the rule it fails
 * @param sourceFile the file (or {@code workbook#sheet}) it was read from
 * @param sourceRow its data row in that file
 * @param person the person id shortened to a hash ({@link PersonHash}), or empty
 * @param bookIn the book-in as written in the findings, or empty
 * @param bookOut the book-out, or empty
 * @param facilityCode the facility code, or empty
 * @param detail why it fails
 */
public record FindingSample(
    String ruleId,
    String sourceFile,
    long sourceRow,
    String person,
    String bookIn,
    String bookOut,
    String facilityCode,
    String detail) {}

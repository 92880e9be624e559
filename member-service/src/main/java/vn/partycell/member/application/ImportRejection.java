package vn.partycell.member.application;

/**
 * A row the import did not store, for the report: the row number, the field (the API's name; the
 * report shows the column's Vietnamese header) and the reason in Vietnamese.
 */
public record ImportRejection(long row, String field, String reason) {}

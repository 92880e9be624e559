package vn.partycell.platform.web;

/** One invalid field in a problem's {@code errors} list. */
public record FieldError(String field, String message, Object rejectedValue) {}

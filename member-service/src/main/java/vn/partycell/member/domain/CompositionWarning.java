package vn.partycell.member.domain;

/** A composition rule a cell does not meet: a stable code and a Vietnamese text for the superior. */
public record CompositionWarning(String code, String message) {}

package vn.partycell.platform.security;

import vn.partycell.platform.kernel.OrgPath;

/** One org subtree a token grants, with the role held there. */
public record Grant(OrgPath org, Role role) {}

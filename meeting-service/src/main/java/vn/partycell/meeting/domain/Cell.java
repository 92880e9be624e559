package vn.partycell.meeting.domain;

import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/** A cell (chi bộ) or party group (tổ đảng) as meeting-service knows it from member-service. */
public record Cell(UUID id, String code, String name, String kind, UUID parentId, OrgPath orgPath, long version) {}

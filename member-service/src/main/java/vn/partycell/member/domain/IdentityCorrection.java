package vn.partycell.member.domain;

import java.time.Instant;
import java.util.UUID;

/** A correction of a member's identity (đính chính lý lịch): what it was before, who changed it, when and why. */
public record IdentityCorrection(
        UUID correctionId, PersonalData before, String reason, String recordedBy, Instant recordedAt) {}

package vn.partycell.member.application;

/**
 * Who made a change, as their token says, and which request carried it.
 *
 * @param subject the token's subject (the user id the log is queried by)
 * @param name the token's {@code name} claim
 * @param roles the token's grants, {@code ROLE@/org/path/} joined by commas
 * @param requestId the {@code X-Request-Id} the gateway's RequestIdFilter sets, or null
 * @param traceparent the W3C trace context of the request, or null
 * @param operation the HTTP method and route the change came through ({@code POST
 *     /api/v1/members/{id}/exemptions}): what was done, where one event type covers many changes
 */
public record AuditActor(
        String subject, String name, String roles, String requestId, String traceparent, String operation) {

    /** Work with no request behind it (a job resumed at start). */
    public static final AuditActor SYSTEM = new AuditActor("system", "member-service", "", null, null, null);
}

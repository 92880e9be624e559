package vn.partycell.member.application;

/** Port: who is acting in the current request, for the audit log; {@link AuditActor#SYSTEM} outside one. */
public interface RequestContext {

    AuditActor actor();
}

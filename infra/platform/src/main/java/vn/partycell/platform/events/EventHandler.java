package vn.partycell.platform.events;

/** A consumer's use of one event; it must be idempotent (see {@link Outcome#DUPLICATE}). */
@FunctionalInterface
public interface EventHandler {

    Outcome handle(InboundEvent event);
}

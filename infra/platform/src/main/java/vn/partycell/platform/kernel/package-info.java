/**
 * Plain-Java exceptions that any service's {@code domain} may throw and the platform's web layer
 * turns into RFC 9457 problems. No framework types here, so domains stay framework-free.
 */
package vn.partycell.platform.kernel;

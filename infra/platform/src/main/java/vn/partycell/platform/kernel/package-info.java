/**
 * The plain-Java kernel any service's {@code domain} and {@code application} may use: org paths,
 * the exceptions the web layer turns into RFC 9457 problems, page queries and pages, the Vietnamese
 * time zone. No framework types here, so domains and use cases stay framework-free.
 */
package vn.partycell.platform.kernel;

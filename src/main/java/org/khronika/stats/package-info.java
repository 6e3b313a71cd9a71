/**
 * Figures that can be trusted: the measures and dimensions the catalog defines, applied
 * to the registry's public facts as the reader may see them, with tables, server-drawn
 * SVG charts and CSV. Counts never need plaintext, so this module never opens a sealed
 * field.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "catalog", "access", "web" })
package org.khronika.stats;

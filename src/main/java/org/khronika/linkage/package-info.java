/**
 * Record linkage: finds person records that describe the same person across reports and
 * scripts, scores each pair with a Fellegi–Sunter model whose weights are estimated from
 * the data, explains each proposal in words a person can check, and leaves every merge to
 * a human; a merge is a link in the log and can be taken back.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "registry", "search", "catalog", "access", "web" })
package org.khronika.linkage;

/**
 * The shell of the web interface: layout, languages (Russian and English), error pages.
 * No feature logic: features bring their own pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.khronika.web;

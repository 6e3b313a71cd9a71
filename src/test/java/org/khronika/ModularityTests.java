package org.khronika;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The module map of DESIGN.md, held by Spring Modulith: allowed dependencies only, no
 * cycles.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KhronikaApplication.class);

	@Test
	void modulesDependOnlyOnWhatTheirPackageInfoAllows() {
		this.modules.verify();
	}

}

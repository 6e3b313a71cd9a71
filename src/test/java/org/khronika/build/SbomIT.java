package org.khronika.build;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every build carries its software bill of materials: a CycloneDX document inside the
 * jar, listing the libraries Khronika runs with, so that they can be checked for known
 * vulnerabilities (README, "Supply chain").
 */
class SbomIT {

	@Test
	void theJarCarriesACycloneDxBillOfMaterialsListingItsLibraries() throws Exception {
		try (JarFile jar = new JarFile(Path.of("target/khronika.jar").toFile())) {
			assertThat(jar.getEntry("META-INF/sbom/application.cdx.json")).as("the SBOM in the jar").isNotNull();
			try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/sbom/application.cdx.json"))) {
				JsonNode bom = JsonMapper.builder().build().readTree(in);
				assertThat(bom.get("bomFormat").asString()).isEqualTo("CycloneDX");
				List<String> components = bom.get("components")
					.valueStream()
					.map(component -> component.get("group").asString() + ":" + component.get("name").asString())
					.toList();
				assertThat(components).contains("com.google.crypto.tink:tink", "org.apache.lucene:lucene-core",
						"org.apache.pdfbox:pdfbox", "org.xerial:sqlite-jdbc", "org.postgresql:postgresql");
			}
		}
	}

}

package org.khronika.registry;

import org.junit.jupiter.api.Test;
import org.khronika.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code the registry reasons about is labelled by the catalog, and every kind's
 * coded field names a vocabulary the catalog has: the application refuses to start
 * otherwise.
 */
class KindsTest {

	@Test
	void theCatalogLabelsEveryCodeTheKindsUse() {
		assertThat(Kinds.missingFrom(Catalog.load())).isEmpty();
	}

	@Test
	void everyKindHasADescriptorWithFieldsAndATypedTable() {
		for (RecordKind kind : RecordKind.values()) {
			Kind<?> descriptor = Kinds.of(kind);
			assertThat(descriptor.code()).isEqualTo(kind);
			assertThat(descriptor.fields()).as(kind.code()).isNotEmpty();
			assertThat(descriptor.table().table()).as(kind.code()).startsWith("fact_");
		}
	}

}

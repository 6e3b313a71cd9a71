package org.khronika.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

	private final Catalog catalog = Catalog.load();

	@Test
	void holdsTheArticlesMonitorsCountUnder() {
		assertThat(this.catalog.articles()).extracting(LawArticle::code)
			.contains("koap-20.3.3", "koap-20.2", "koap-19.3", "koap-20.1", "uk-207.3", "uk-280.3", "uk-280.4",
					"uk-275", "uk-275.1", "uk-284.1", "uk-328", "uk-329", "uk-319");
		assertThat(this.catalog.articles()).allSatisfy(article -> {
			assertThat(article.title().ru()).isNotBlank();
			assertThat(article.title().en()).isNotBlank();
			assertThat(article.kind()).isIn("administrative", "criminal");
		});
	}

	@Test
	void findsAnArticleTheWayPeopleWriteIt() {
		for (String written : List.of("uk-207.3", "207.3", "УК 207.3", "УК РФ 207.3", "ст. 207.3", "CC 207.3",
				"uk 207.3")) {
			assertThat(this.catalog.findArticle(written)).as(written).map(LawArticle::code).hasValue("uk-207.3");
		}
		assertThat(this.catalog.findArticle("КоАП 20.3.3")).map(LawArticle::code).hasValue("koap-20.3.3");
		assertThat(this.catalog.findArticle("КоАП 207.3")).isEmpty();
		assertThat(this.catalog.findArticle("999")).isEmpty();
	}

	/**
	 * One word for one thing: a figure broken down by a coded field names it as the
	 * field's form and list do.
	 */
	@Test
	void aDimensionOfCodesIsNamedAsTheirVocabulary() {
		List<Dimension> coded = this.catalog.dimensions()
			.stream()
			.filter(d -> d.values() != null && this.catalog.hasVocabulary(d.values()))
			.toList();
		assertThat(coded).hasSizeGreaterThan(5);
		for (Dimension dimension : coded) {
			Label vocabulary = this.catalog.vocabulary(dimension.values()).label();
			assertThat(dimension.label().in(java.util.Locale.forLanguageTag("ru"))).as(dimension.code())
				.isEqualTo(vocabulary.in(java.util.Locale.forLanguageTag("ru")));
			assertThat(dimension.label().in(java.util.Locale.ENGLISH)).as(dimension.code())
				.isEqualTo(vocabulary.in(java.util.Locale.ENGLISH));
		}
	}

	@Test
	void everyVocabularyTheRegistryNeedsExistsInBothLanguages() {
		for (String name : List.of(Catalog.INCIDENT_TYPES, Catalog.AGREEMENT_STATUSES, Catalog.CASE_KINDS,
				Catalog.TRIGGERS, Catalog.INFORMANT_RELATIONSHIPS, Catalog.CASE_STATUSES, Catalog.OUTCOMES,
				Catalog.CASE_EVENT_TYPES, Catalog.MEASURES_OF_RESTRAINT, Catalog.SOURCE_KINDS)) {
			assertThat(this.catalog.vocabulary(name).terms()).as(name)
				.isNotEmpty()
				.allSatisfy(term -> assertThat(term.label().in(Locale.ENGLISH)).isNotBlank()
					.isNotEqualTo(term.label().ru()));
		}
		assertThat(this.catalog.vocabulary(Catalog.INFORMANT_RELATIONSHIPS).terms()).extracting(Term::code)
			.containsExactly("relative", "spouse", "colleague", "pupil-or-student", "neighbour", "acquaintance",
					"stranger", "unknown");
		assertThat(this.catalog.vocabulary(Catalog.TRIGGERS).terms()).extracting(Term::code)
			.contains("denunciation", "wiretap", "social-media-monitoring", "street-detention", "search", "other");
	}

	@Test
	void regionsAreFoundByCodeOrNameAndCodesAreUnique() {
		assertThat(this.catalog.findRegion("Москва")).map(Region::code).hasValue("moscow");
		assertThat(this.catalog.findRegion("saint petersburg")).map(Region::code).hasValue("saint-petersburg");
		assertThat(this.catalog.findRegion("Atlantis")).isEmpty();
		assertThat(this.catalog.regions()).extracting(Region::code).doesNotHaveDuplicates().hasSizeGreaterThan(85);
	}

	@Test
	void aRegionNamedAfterItsCentreIsKnownByItInBothLanguages() {
		assertThat(this.catalog.findRegion("tver-oblast")).map(Region::centre)
			.hasValueSatisfying(
					centre -> assertThat(List.of(centre.ru(), centre.en())).containsExactly("Тверь", "Tver"));
		assertThat(this.catalog.regions())
			.as("every region but the cities, Moscow's and Leningrad's oblasts and the "
					+ "placeholders has its centre, in both languages")
			.filteredOn(region -> region.centre() == null)
			.extracting(Region::code)
			.containsExactlyInAnyOrder("moscow", "saint-petersburg", "sevastopol", "moscow-oblast", "leningrad-oblast",
					"abroad", "unknown");
		assertThat(this.catalog.regions()).filteredOn(region -> region.centre() != null)
			.allSatisfy(region -> assertThat(region.centre().ru()).isNotBlank().doesNotContainPattern("[A-Za-z]"))
			.allSatisfy(
					region -> assertThat(region.centre().en()).isNotBlank().doesNotContainPattern("\\p{IsCyrillic}"));
	}

	@Test
	void everyMeasureIsDefinedInBothLanguagesAndNamesOnlyWhatItsRecordsHave() {
		assertThat(this.catalog.metrics()).extracting(Metric::code)
			.containsExactly("incidents", "detained", "persons", "cases", "charges", "fines", "in-custody",
					"conviction-rate");
		for (Metric metric : this.catalog.metrics()) {
			assertThat(metric.definition().ru()).as(metric.code()).hasSizeGreaterThan(40);
			assertThat(metric.definition().en()).as(metric.code()).hasSizeGreaterThan(40);
			assertThat(metric.aggregate() == Metric.Aggregate.SHARE)
				.as(metric.code() + " has a numerator exactly if a share")
				.isEqualTo(!metric.numerator().isEmpty());
			for (Map<String, List<String>> conditions : List.of(metric.where(), metric.numerator(),
					metric.denominator())) {
				conditions.forEach((field, values) -> {
					Dimension dimension = this.catalog.dimension(field).orElseThrow();
					assertThat(dimension.applies()).as(metric.code() + " " + field).contains(metric.counts());
					values.forEach(value -> assertThat(this.catalog.valueLabel(dimension.values(), value))
						.as(metric.code() + " " + field + "=" + value)
						.isPresent());
				});
			}
		}
		assertThat(this.catalog.dimensions()).extracting(Dimension::code)
			.contains("day", "month", "year", "region", "type", "topic", "organiser", "agreement", "article", "trigger",
					"outcome");
	}

	@Test
	void aDimensionValueIsFoundByItsCodeOrByItsName() {
		assertThat(this.catalog.valueCode("regions", "Москва")).hasValue("moscow");
		assertThat(this.catalog.valueCode("law-articles", "УК 207.3")).hasValue("uk-207.3");
		assertThat(this.catalog.valueCode("law-articles", "20.3.3")).hasValue("koap-20.3.3");
		assertThat(this.catalog.valueCode(Catalog.TRIGGERS, "донос")).hasValue("denunciation");
		assertThat(this.catalog.valueCode(Catalog.TRIGGERS, "wiretap")).hasValue("wiretap");
		assertThat(this.catalog.valueCode(Catalog.TRIGGERS, "telepathy")).isEmpty();
		assertThat(this.catalog.valueLabel("law-articles", "uk-207.3")).map(Label::ru).hasValue("УК 207.3");
	}

	@Test
	void aMeasureCountingWhatStatisticsCannotCountIsRefusedWhenTheCatalogLoads() {
		assertThatThrownBy(() -> Metric.Counted.of("victims", "persons")).isInstanceOf(IllegalStateException.class)
			.hasMessage("metric victims: 'counts' is incidents or cases, not 'persons'");
		assertThatThrownBy(() -> Metric.Aggregate.of("victims", "median")).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("metric victims: unknown aggregate 'median'");
		assertThat(Metric.Aggregate.of("detained", "sum-detained")).isEqualTo(Metric.Aggregate.SUM_DETAINED);
	}

}

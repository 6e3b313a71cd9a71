package org.khronika.catalog;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publication plan shipped in the catalog reads, and says what it suppresses. */
class PublicationPlanTest {

	@Test
	void theShippedPlanListsItsFiguresWithTheirPeriodsAndThresholds() {
		PublicationPlan plan = PublicationPlan.load(Catalog.load());

		assertThat(plan.figures()).extracting(PublicationPlan.Figure::code)
			.contains("detained-by-year", "persons-by-region", "cases-by-year-and-article");
		PublicationPlan.Figure cases = plan.figures()
			.stream()
			.filter(f -> f.code().equals("cases-by-year-and-article"))
			.findFirst()
			.orElseThrow();
		assertThat(cases.by()).containsExactly("year", "article");
		assertThat(cases.from()).isEqualTo(LocalDate.of(2022, 2, 24));
		assertThat(cases.title().en()).isEqualTo("Cases by year and law article");
		assertThat(plan.threshold("persons")).as("persons are counted: suppressed below 5").contains(5);
		assertThat(plan.threshold("detained")).as("detentions at events describe events, not people").isEmpty();
	}

	@Test
	void aPlanNamingAFigureStatisticsCannotGiveIsRefusedSayingWhichAndWhy() {
		Catalog catalog = Catalog.load();
		assertThatThrownBy(() -> plan(catalog, "{code: a, measure: arrests, title: {ru: т, en: t}}"))
			.hasMessage("publication plan, figure a: no measure 'arrests'");
		assertThatThrownBy(() -> plan(catalog, "{code: b, measure: incidents, by: [article]}"))
			.hasMessage("publication plan, figure b: 'article' does not apply to incidents");
		assertThatThrownBy(() -> plan(catalog, "{code: c, measure: conviction-rate}"))
			.hasMessageContaining("a share is not published");
		assertThatThrownBy(() -> plan(catalog, "{code: d, measure: cases, from: 'spring'}"))
			.hasMessage("publication plan, figure d: 'spring' is not a date (YYYY-MM-DD)");
		assertThatThrownBy(() -> plan(catalog, "{code: e, measure: cases}"))
			.hasMessage("publication plan, figure e: a title and a methodology in Russian and English");
	}

	@Test
	void theShippedMapPlacesEveryRegionOnceAndTheOpenDataHoldsPublicFieldsOnly() {
		Catalog catalog = Catalog.load();
		PublicationPlan plan = PublicationPlan.load(catalog);

		assertThat(plan.map().tiles().keySet()).as("every region of Russia has a square; abroad and unknown none")
			.containsExactlyInAnyOrderElementsOf(catalog.regions()
				.stream()
				.map(Region::code)
				.filter(code -> !code.equals("abroad") && !code.equals("unknown"))
				.toList());
		assertThat(plan.map().tiles().values().stream().map(t -> t.column() + "," + t.row()).distinct())
			.hasSize(plan.map().tiles().size());
		assertThat(plan.incidentFields()).isSubsetOf(PublicationPlan.INCIDENT_FIELDS).doesNotContain("organiser");
		assertThat(plan.methodologies()).extracting(PublicationPlan.Methodology::code)
			.contains("anti-war-speech", "editors-decision");
		assertThat(plan.methodologies()).filteredOn(PublicationPlan.Methodology::decided)
			.allSatisfy(m -> assertThat(m.articles()).as("a decision lists on any charge").isEmpty());
	}

	@Test
	void aPlanPublishingADescriptionOrListingByAnUnknownArticleIsRefused() {
		Catalog catalog = Catalog.load();
		String figure = "suppression: {default-k: 5}\nfigures: []\n";
		assertThatThrownBy(() -> PublicationPlan.of(catalog, yaml(figure + "incidents: {fields: [date, description]}")))
			.hasMessageStartingWith("publication plan, incidents: 'description' cannot be published");
		assertThatThrownBy(() -> PublicationPlan.of(catalog, yaml(figure
				+ "prisoners: {methodologies: [{code: m, articles: [uk-999], title: {ru: т, en: t}, text: {ru: т, en: t}}]}")))
			.hasMessage("publication plan, prisoners list methodology m: no law article 'uk-999'");
		assertThatThrownBy(() -> PublicationPlan.of(catalog, yaml(figure + "map: {figure: nowhere, tiles: {}}")))
			.hasMessage("publication plan, map: 'nowhere' is not a planned figure by region");
	}

	private static java.util.Map<String, Object> yaml(String text) {
		return new org.yaml.snakeyaml.Yaml(
				new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
			.load(text);
	}

	private static PublicationPlan plan(Catalog catalog, String figure) {
		String yaml = "suppression: {default-k: 5}\nfigures:\n  - " + figure + "\n";
		return PublicationPlan.of(catalog,
				new org.yaml.snakeyaml.Yaml(
						new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
					.load(yaml));
	}

}

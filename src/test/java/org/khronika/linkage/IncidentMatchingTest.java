package org.khronika.linkage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two incident records are proposed as one incident reported twice: in one region, a
 * day apart at most, with something particular in common, and nothing that says they are
 * two.
 */
class IncidentMatchingTest {

	private static IncidentMatching.Incident incident(String id, String date, String type, String place,
			Integer detained, Set<String> persons, Set<String> sources) {
		return new IncidentMatching.Incident(id, Instant.EPOCH, LocalDate.parse(date), "moscow", type, place, detained,
				persons, sources);
	}

	private static IncidentMatching.Incident protest(String id, String date, String place, Integer detained) {
		return incident(id, date, "protest", place, detained, Set.of(), Set.of());
	}

	@Test
	void theSameProtestAtTheSamePlaceOnTheSameDayIsProposed() {
		IncidentMatching.Result result = IncidentMatching.compare(protest("a", "2022-03-06", "Манежная площадь", 58),
				protest("b", "2022-03-06", "Москва, Манежная пл.", 58));

		assertThat(result.proposed()).isTrue();
		assertThat(result.score()).isEqualTo(1.0);
		assertThat(result.reasons()).extracting(Linkage.Reason::code)
			.containsExactly("incident-day-same", "region-same", "incident-type-same", "incident-place-same",
					"incident-detained-same");
	}

	@Test
	void aDayApartWithDifferentNumbersDetainedIsStillProposedWhenThePlaceAgrees() {
		IncidentMatching.Result result = IncidentMatching.compare(protest("a", "2022-03-06", "Манежная площадь", 58),
				protest("b", "2022-03-07", "Манежная площадь", 64));

		assertThat(result.proposed()).isTrue();
		assertThat(result.score()).isEqualTo(2.5 / 4);
	}

	@Test
	void anotherPlaceOnTheSameDayIsAnotherProtest() {
		assertThat(IncidentMatching
			.compare(protest("a", "2022-03-06", "Манежная площадь", 58),
					protest("b", "2022-03-06", "Пушкинская площадь", 58))
			.proposed()).isFalse();
	}

	@Test
	void theSameDayAndTypeAloneAreNotEnough() {
		assertThat(
				IncidentMatching.compare(protest("a", "2022-03-06", null, null), protest("b", "2022-03-06", null, null))
					.proposed())
			.as("many pickets in one city on one day")
			.isFalse();
		assertThat(IncidentMatching.compare(protest("a", "2022-03-06", null, 0), protest("b", "2022-03-06", null, 0))
			.proposed()).as("nobody detained at either says nothing particular").isFalse();
	}

	@Test
	void aParticipantInCommonMakesAProposalEvenWhereThePlacesAreWrittenApart() {
		IncidentMatching.Result result = IncidentMatching.compare(
				incident("a", "2022-03-06", "protest", "Манежная площадь", null, Set.of("p1"), Set.of()),
				incident("b", "2022-03-06", "protest", "у Кремля", null, Set.of("p1", "p2"), Set.of()));

		assertThat(result.proposed()).isTrue();
		assertThat(result.reasons()).contains(new Linkage.Reason("incident-persons-shared", "1", ""));
	}

	@Test
	void aSearchAndAProtestWithNobodyInCommonAreTwoIncidents() {
		assertThat(IncidentMatching
			.compare(incident("a", "2022-03-06", "search", "Манежная площадь", 1, Set.of(), Set.of()),
					incident("b", "2022-03-06", "protest", "Манежная площадь", 1, Set.of(), Set.of()))
			.proposed()).isFalse();
	}

	@Test
	void candidatesAreInOneRegionADayApartAtMostNeitherLinkedNorRejected() {
		IncidentMatching.Incident a = protest("a", "2022-03-06", null, null);
		IncidentMatching.Incident b = protest("b", "2022-03-07", null, null);
		IncidentMatching.Incident c = protest("c", "2022-03-08", null, null);
		IncidentMatching.Incident d = protest("d", "2022-03-06", null, null);
		IncidentMatching.Incident elsewhere = new IncidentMatching.Incident("e", Instant.EPOCH,
				LocalDate.parse("2022-03-06"), "tver-oblast", "protest", null, null, Set.of(), Set.of());

		List<List<String>> pairs = IncidentMatching
			.candidates(List.of(a, b, c, d, elsewhere), Map.of("a", "a", "d", "a"), Set.of(List.of("b", "c")))
			.stream()
			.map(pair -> List.of(pair.left().id(), pair.right().id()))
			.toList();

		assertThat(pairs).as("a and d are linked already; b and c were rejected; c is two days from a")
			.containsExactlyInAnyOrder(List.of("a", "b"), List.of("b", "d"));
	}

	@Test
	void placesAgreeByTheirParticularWordsInAnyOrderAndCase() {
		assertThat(IncidentMatching.samePlace("Пушкинская площадь", "площадь Пушкинская")).isTrue();
		assertThat(IncidentMatching.samePlace("Тверь, ул. Советская, 5", "Советская улица")).isTrue();
		assertThat(IncidentMatching.samePlace("Москва, Пушкинская пл.", "Москва, Манежная пл.")).isFalse();
		assertThat(IncidentMatching.samePlace("площадь", "Манежная площадь")).as("names no place").isNull();
		assertThat(IncidentMatching.samePlace(" ", "Манежная площадь")).isNull();
	}

}

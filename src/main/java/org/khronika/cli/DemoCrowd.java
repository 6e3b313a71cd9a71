package org.khronika.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.search.NameKeys;

/**
 * Enough invented people for a demonstration to show its statistics, search and linkage
 * at work: a few hundred persons, incidents and cases across regions and the years since
 * February 2022, drawn by a seeded generator, so every demo holds the same records. Names
 * are common names put together at random; cases follow the shapes of real reporting (a
 * fine for a picket, custody and a sentence for a post, a denunciation by a colleague),
 * and some persons are recorded a second time in Latin letters, as a partner's report
 * would (half as the English press spells Russian names, half letter for letter), for
 * linkage to propose.
 */
final class DemoCrowd {

	/** The generator's seed: the same crowd at every demo. */
	static final long SEED = 20220224L;

	/** How many persons a demo's crowd has unless told. */
	static final int PERSONS = 300;

	private static final List<String> SURNAMES = List.of("Смирнов", "Кузнецов", "Попов", "Васильев", "Новиков",
			"Морозов", "Волков", "Соловьёв", "Лебедев", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
			"Захаров", "Зайцев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Фролов",
			"Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин",
			"Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков");

	private static final List<String> MEN = List.of("Александр", "Алексей", "Андрей", "Артём", "Борис", "Владимир",
			"Дмитрий", "Евгений", "Иван", "Игорь", "Кирилл", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел",
			"Роман", "Сергей", "Юрий");

	private static final List<String> WOMEN = List.of("Александра", "Алёна", "Анастасия", "Анна", "Валентина", "Вера",
			"Дарья", "Екатерина", "Елена", "Ирина", "Ксения", "Любовь", "Мария", "Наталья", "Ольга", "Светлана",
			"София", "Татьяна", "Юлия", "Яна");

	/** Patronymics without their ending: Александро-вич, Сергее-вна. */
	private static final List<String> FATHERS = List.of("Александро", "Алексее", "Андрее", "Борисо", "Владимиро",
			"Дмитрие", "Евгенье", "Ивано", "Игоре", "Михайло", "Николае", "Олего", "Павло", "Петро", "Сергее", "Юрье");

	private static final List<String> REGIONS = List.of("moscow", "moscow", "moscow", "saint-petersburg",
			"saint-petersburg", "moscow-oblast", "leningrad-oblast", "tatarstan", "bashkortostan", "krasnodar-krai",
			"sverdlovsk-oblast", "novosibirsk-oblast", "tver-oblast", "voronezh-oblast", "khabarovsk-krai", "perm-krai",
			"nizhny-novgorod-oblast", "samara-oblast", "irkutsk-oblast", "crimea", "karelia");

	private static final List<String> STREET = List.of("protest", "rally", "picket", "single-picket", "leafleting",
			"symbols", "flash-mob");

	private static final List<String> SPEECH = List.of("online-post", "private-message", "conversation");

	private static final List<String> INFORMANTS = List.of("relative", "spouse", "colleague", "pupil-or-student",
			"neighbour", "acquaintance", "stranger", "unknown");

	private static final List<String> CRIMINAL = List.of("uk-207.3", "uk-207.3", "uk-207.3", "uk-280.3", "uk-280.3",
			"uk-280.4", "uk-205.2", "uk-284.1", "uk-275");

	private static final LocalDate WAR = LocalDate.of(2022, 2, 24);

	/**
	 * Where only three of the crowd live, each prosecuted: a published figure of so few
	 * persons is shown as "fewer than five".
	 */
	static final String FEW = "kamchatka-krai";

	private final Function<RecordDraft, String> save;

	private final LocalDate today;

	private final Random random = new Random(SEED);

	/** How many persons the crowd has. */
	private final int size;

	DemoCrowd(Function<RecordDraft, String> save, LocalDate today, int persons) {
		this.save = save;
		this.today = today;
		this.size = persons;
	}

	/** Records the crowd through {@code save}, each record as any entry path would. */
	void load(String source) {
		List<String> persons = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		for (int i = 0; i < this.size; i++) {
			String region = (i % 100 == 50) ? FEW : pick(REGIONS);
			String name = name();
			RecordDraft person = RecordDraft.empty(RecordKind.PERSON)
				.with("names", name)
				.with("region", region)
				.with("sources", source);
			int born = 1950 + this.random.nextInt(57);
			if (this.random.nextInt(5) > 0) {
				person = person.with("birthYear", String.valueOf(born));
			}
			persons.add(this.save.apply(person));
			regions.add(region);
			if (i % 15 == 7) {
				// the same person, as a partner's report in English wrote them
				this.save.apply(RecordDraft.empty(RecordKind.PERSON)
					.with("names", (i % 30 == 7) ? NameKeys.english(name) : inLatin(name))
					.with("region", region)
					.with("birthYear", String.valueOf(born))
					.with("sources", source));
			}
		}
		// protests where people were detained whom no record names
		for (int i = 0; i < this.size / 5; i++) {
			this.save.apply(RecordDraft.empty(RecordKind.INCIDENT)
				.with("date", day(WAR, this.yesterday()).toString())
				.with("region", pick(REGIONS))
				.with("type", pick(STREET))
				.with("detained", String.valueOf(1 + this.random.nextInt(60)))
				.with("sources", source));
		}
		for (int i = 0; i < this.size; i++) {
			if (this.random.nextInt(6) == 0 && !regions.get(i).equals(FEW)) {
				continue;
			}
			switch (this.random.nextInt(10)) {
				case 0 -> inquiry(persons.get(i), regions.get(i), source);
				case 1, 2, 3 -> criminal(persons.get(i), regions.get(i), source);
				default -> administrative(persons.get(i), regions.get(i), source);
			}
		}
	}

	/**
	 * A picket or a post, a fine: opened on the day of the detention, decided in weeks,
	 * unless those weeks have not yet passed.
	 */
	private void administrative(String person, String region, String source) {
		LocalDate opened = day(WAR, this.yesterday());
		String incident = incident(person, region, opened, true, source);
		LocalDate verdict = opened.plusDays(7 + this.random.nextInt(30));
		boolean decided = this.random.nextInt(5) > 0 && verdict.isBefore(this.today);
		RecordDraft draft = courtCase(person, region, "administrative", opened, trigger())
			.with("charges", (this.random.nextInt(4) > 0) ? "koap-20.3.3" : "koap-20.2")
			.with("status", decided ? "closed" : "in-court")
			.with("court", "Районный суд (вымышленный)")
			.with("sources", source);
		if (incident != null) {
			draft = draft.with("incidents", incident);
		}
		if (decided) {
			draft = draft.with("outcome", "fine")
				.with("fineAmount", String.valueOf(10_000 * (3 + this.random.nextInt(8))));
		}
		String courtCase = this.save.apply(draft);
		this.save.apply(event(courtCase, "detention", opened));
		if (decided) {
			this.save.apply(event(courtCase, "verdict", verdict));
		}
	}

	/**
	 * A criminal case: a search or a detention, custody or house arrest extended at
	 * hearings, and for most a sentence.
	 */
	private void criminal(String person, String region, String source) {
		LocalDate opened = day(WAR, this.today.minusDays(200));
		String incident = incident(person, region, opened.minusDays(this.random.nextInt(30)), false, source);
		int stage = this.random.nextInt(3);
		String status = switch (stage) {
			case 0 -> "investigation";
			case 1 -> "in-court";
			default -> "closed";
		};
		RecordDraft draft = courtCase(person, region, "criminal", opened, trigger()).with("charges", pick(CRIMINAL))
			.with("status", status)
			.with("sources", source);
		if (incident != null) {
			draft = draft.with("incidents", incident);
		}
		boolean real = this.random.nextInt(3) > 0;
		if (stage == 2) {
			draft = draft.with("outcome", real ? "sentence-real" : "sentence-suspended")
				.with("sentenceMonths", String.valueOf(12 * (1 + this.random.nextInt(7))));
		}
		String courtCase = this.save.apply(draft);
		this.save.apply(event(courtCase, (this.random.nextBoolean()) ? "search" : "detention", opened));
		String measure = (this.random.nextInt(3) > 0) ? "custody" : "house-arrest";
		LocalDate until = opened.plusMonths(2);
		this.save.apply(event(courtCase, "measure-of-restraint", opened.plusDays(2)).with("measure", measure)
			.with("until", until.toString()));
		LocalDate last = opened.plusDays(2);
		while (until.isBefore(this.today.minusDays(7)) && (stage == 0 || until.isBefore(opened.plusMonths(10)))) {
			LocalDate hearing = until.minusDays(3);
			LocalDate next = until.plusMonths(3);
			this.save.apply(event(courtCase, "hearing-held", hearing));
			this.save
				.apply(event(courtCase, "extension", hearing).with("measure", measure).with("until", next.toString()));
			last = hearing;
			until = next;
		}
		if (stage == 2) {
			LocalDate verdict = last.plusDays(1 + this.random.nextInt(20));
			this.save.apply(event(courtCase, "verdict", verdict.isBefore(this.today) ? verdict : this.today));
		}
		else if (stage == 1) {
			this.save.apply(event(courtCase, "hearing-scheduled", this.today.plusDays(1 + this.random.nextInt(40))));
		}
	}

	/**
	 * For about half the cases, the incident the case arose from, with the person in it,
	 * on {@code day}: a street protest or (not {@code street}) something said or written;
	 * else null.
	 */
	private String incident(String person, String region, LocalDate day, boolean street, String source) {
		if (this.random.nextBoolean()) {
			return null;
		}
		return this.save.apply(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", day.toString())
			.with("region", region)
			.with("type", pick(street ? STREET : SPEECH))
			.with("detained", String.valueOf(street ? 1 + this.random.nextInt(40) : 1))
			.with("persons", person)
			.with("sources", source));
	}

	/** A denunciation checked and let go: questioned, released, no case opened. */
	private void inquiry(String person, String region, String source) {
		LocalDate opened = day(WAR, this.today.minusDays(10));
		String courtCase = this.save
			.apply(courtCase(person, region, "inquiry", opened, "denunciation").with("status", "closed")
				.with("outcome", "no-charge")
				.with("sources", source));
		this.save.apply(event(courtCase, "questioning", opened));
		this.save.apply(event(courtCase, "release", opened));
	}

	private RecordDraft courtCase(String person, String region, String kind, LocalDate opened, String trigger) {
		RecordDraft draft = RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", kind)
			.with("opened", opened.toString())
			.with("region", region)
			.with("trigger", trigger);
		return trigger.equals("denunciation") ? draft.with("informant", pick(INFORMANTS)) : draft;
	}

	/** How it started: a quarter by denunciation, as reporting finds more and more. */
	private String trigger() {
		int draw = this.random.nextInt(20);
		if (draw < 5) {
			return "denunciation";
		}
		if (draw < 12) {
			return "street-detention";
		}
		if (draw < 16) {
			return "social-media-monitoring";
		}
		return (draw < 17) ? "wiretap" : (draw < 18) ? "search" : "other";
	}

	private static RecordDraft event(String courtCase, String type, LocalDate date) {
		return RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase)
			.with("type", type)
			.with("date", date.toString());
	}

	/**
	 * A surname, a given name, for some a patronymic, in one of the orders reports use.
	 */
	private String name() {
		boolean woman = this.random.nextBoolean();
		String surname = pick(SURNAMES);
		if (woman) {
			surname = surname.endsWith("ин") || surname.endsWith("ов") || surname.endsWith("ев")
					|| surname.endsWith("ёв") ? surname + "а" : surname;
		}
		String given = woman ? pick(WOMEN) : pick(MEN);
		if (this.random.nextInt(3) == 0) {
			return surname + " " + given + " " + pick(FATHERS) + (woman ? "вна" : "вич");
		}
		return this.random.nextBoolean() ? surname + " " + given : given + " " + surname;
	}

	/**
	 * A name letter for letter, as a partner's report spells it: Смирнов Алексей, Smirnov
	 * Aleksej.
	 */
	private static String inLatin(String name) {
		StringBuilder latin = new StringBuilder();
		for (String word : name.split(" ")) {
			// without the soft and hard signs' primes, which reports in English leave out
			String spelt = NameKeys.latin(word).replace("ʹ", "").replace("ʺ", "");
			latin.append(latin.isEmpty() ? "" : " ")
				.append(Character.toUpperCase(spelt.charAt(0)))
				.append(spelt.substring(1));
		}
		return latin.toString();
	}

	/**
	 * The last day a demo's street protest or fine may fall on: the overview's last 30
	 * days then have figures to show.
	 */
	private LocalDate yesterday() {
		return this.today.minusDays(1);
	}

	private LocalDate day(LocalDate from, LocalDate to) {
		return from.plusDays(this.random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}

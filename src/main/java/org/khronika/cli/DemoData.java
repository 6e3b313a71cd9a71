package org.khronika.cli;

import java.time.LocalDate;

import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

/**
 * Synthetic records for a demonstration, drawn from the shape of real reporting. Every
 * name, date and detail is invented. They go through the registry as any entry path does,
 * so every rule holds for them.
 */
final class DemoData {

	/**
	 * Who records the demo records: an editor that has no account, so no one can log in
	 * as it.
	 */
	static final Actor LOADER = new Actor("demo-loader", Role.EDITOR);

	private final Registry registry;

	private final LocalDate today;

	private int saved;

	DemoData(Registry registry, LocalDate today) {
		this.registry = registry;
		this.today = today;
	}

	/**
	 * Loads the records written by hand and a crowd of {@code crowd} invented persons,
	 * and returns how many records.
	 */
	int load(int crowd) {
		String media = save(source("media", "https://example.org/news/invented-report-1", "B2"));
		String lawyer = save(source("lawyer", "Адвокат защиты (вымышленный)", "A1"));
		String hotline = save(source("hotline", "Звонок на горячую линию, вымышленный", "C3"));

		// a wiretap, a detention, custody extended until a day ahead, a hearing to come
		String sokolov = save(person("Андрей Соколов", "Andrei Sokolov").with("birthYear", "1979")
			.with("region", "Москва")
			.with("notes", "Вымышленный человек для демонстрации.")
			.with("mayBeNamed", "true")
			.with("mayReceiveLetters", "true")
			.with("sources", media));
		String wiretapCase = save(courtCase(sokolov, "criminal", "wiretap", "in-court").with("opened", "2025-03-04")
			.with("region", "Москва")
			.with("charges", "УК 207.3")
			.with("investigator", "investigative-committee")
			.with("caseNumber", "12502450001000077 (вымышленный)")
			.with("court", "Мещанский районный суд")
			.with("judge", "Судья (вымышленная)")
			.with("custodyPlace", "СИЗО-1 (вымышленное)")
			.with("sources", lawyer));
		save(event(wiretapCase, "detention", "2025-03-04")
			.with("note", "Задержан после прослушки телефонных разговоров.")
			.with("sources", lawyer));
		save(event(wiretapCase, "measure-of-restraint", "2025-03-06").with("court", "Мещанский районный суд")
			.with("measure", "custody")
			.with("until", "2025-05-04")
			.with("sources", lawyer));
		LocalDate extended = this.today.minusDays(10);
		save(event(wiretapCase, "extension", extended.toString()).with("court", "Мещанский районный суд")
			.with("measure", "custody")
			.with("until", extended.plusMonths(3).toString())
			.with("note", "Продление на заседании."));
		save(event(wiretapCase, "hearing-scheduled", this.today.plusDays(14).toString()).with("court",
				"Мещанский районный суд"));

		// a father's denunciation: questioned and let go, no case opened
		String lebedeva = save(person("Мария Лебедева", "Maria Lebedeva").with("birthYear", "2004")
			.with("region", "Санкт-Петербург")
			.with("sources", hotline));
		String inquiry = save(courtCase(lebedeva, "inquiry", "denunciation", "closed").with("informant", "relative")
			.with("opened", "2025-01-20")
			.with("region", "Санкт-Петербург")
			.with("outcome", "no-charge")
			.with("notes", "Донос отца; опрошена и отпущена без обвинения.")
			.with("sources", hotline));
		save(event(inquiry, "questioning", "2025-01-20").with("sources", hotline));
		save(event(inquiry, "release", "2025-01-20").with("note", "Отпущена без обвинения."));

		// messages in a group chat, forwarded by an acquaintance
		String kravtsov = save(person("Игорь Кравцов", "Igor Kravtsov").with("birthYear", "1988")
			.with("region", "Новосибирская область")
			.with("mayBeNamed", "true")
			.with("sources", media));
		String chat = save(
				incident("2025-02-11", "Новосибирская область", "private-message").with("locality", "Новосибирск")
					.with("topic", "Сообщения в групповом чате")
					.with("detained", "1")
					.with("persons", kravtsov)
					.with("description", "Знакомый переслал сообщения из группового чата.")
					.with("sources", media));
		String chatCase = save(
				courtCase(kravtsov, "criminal", "denunciation", "investigation").with("informant", "acquaintance")
					.with("opened", "2025-02-15")
					.with("region", "Новосибирская область")
					.with("charges", "207.3")
					.with("incidents", chat)
					.with("investigator", "fsb")
					.with("court", "Центральный районный суд Новосибирска")
					.with("sources", media));
		save(event(chatCase, "search", "2025-02-18").with("note", "Обыск в квартире.").with("sources", media));

		// a single picket, a fine
		String picketer = save(person("Ольга Петренко", "Olga Petrenko").with("birthYear", "1965")
			.with("region", "Москва")
			.with("mayBeNamed", "true")
			.with("mayReceiveLetters", "true")
			.with("sources", media));
		String picket = save(incident("2025-02-24", "Москва", "single-picket").with("locality", "Пушкинская площадь")
			.with("topic", "Против войны")
			.with("detained", "1")
			.with("persons", picketer)
			.with("sources", media));
		String picketCase = save(
				courtCase(picketer, "administrative", "street-detention", "closed").with("opened", "2025-02-24")
					.with("region", "Москва")
					.with("charges", "КоАП 20.3.3")
					.with("incidents", picket)
					.with("investigator", "police")
					.with("court", "Тверской районный суд")
					.with("outcome", "fine")
					.with("fineAmount", "45000")
					.with("sources", media));
		save(event(picketCase, "verdict", "2025-03-12").with("court", "Тверской районный суд").with("sources", media));
		save(incident("2025-02-24", "Санкт-Петербург", "protest").with("locality", "Гостиный двор")
			.with("topic", "Против войны")
			.with("organiser", "стихийная")
			.with("agreement", "not-agreed")
			.with("detained", "27")
			.with("sources", media));
		// the first person again, as a hotline call wrote him: linkage proposes the two
		// as one
		save(person("Andrey Sokolov").with("birthYear", "1979").with("region", "Москва").with("sources", hotline));
		// the protest in Saint Petersburg again, as the hotline heard of it: linkage
		// proposes the two as one incident
		save(incident("2025-02-24", "Санкт-Петербург", "protest").with("locality", "Невский проспект, Гостиный двор")
			.with("detained", "30")
			.with("sources", hotline));
		// and a crowd, so that statistics, search and linkage have something to show
		new DemoCrowd(this::save, this.today, crowd).load(media);
		return this.saved;
	}

	private static RecordDraft source(String kind, String reference, String reliability) {
		return RecordDraft.empty(RecordKind.SOURCE)
			.with("kind", kind)
			.with("reference", reference)
			.with("reliability", reliability);
	}

	private static RecordDraft person(String... names) {
		return RecordDraft.empty(RecordKind.PERSON).with("names", names);
	}

	private static RecordDraft courtCase(String person, String kind, String trigger, String status) {
		return RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", kind)
			.with("trigger", trigger)
			.with("status", status);
	}

	private static RecordDraft event(String caseId, String type, String date) {
		return RecordDraft.empty(RecordKind.CASE_EVENT).with("caseId", caseId).with("type", type).with("date", date);
	}

	private static RecordDraft incident(String date, String region, String type) {
		return RecordDraft.empty(RecordKind.INCIDENT).with("date", date).with("region", region).with("type", type);
	}

	private String save(RecordDraft draft) {
		SaveResult result = this.registry.record(LOADER, draft);
		if (!(result instanceof SaveResult.Saved saved)) {
			throw new IllegalStateException("a demo record is refused: " + result);
		}
		this.saved++;
		return saved.id().toString();
	}

}

package org.khronika.cli;

import java.time.LocalDate;
import java.util.List;

import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.registry.CaseEventInput;
import org.khronika.registry.CaseInput;
import org.khronika.registry.IncidentInput;
import org.khronika.registry.PersonInput;
import org.khronika.registry.RecordInput;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.SourceInput;
import org.khronika.registry.Validated;

/**
 * Synthetic records for a demonstration, drawn from the shape of real reporting. Every
 * name, date and detail is invented.
 */
final class DemoData {

	/**
	 * Who records the demo records: an editor that has no account, so no one can log in
	 * as it.
	 */
	static final Actor LOADER = new Actor("demo-loader", Role.EDITOR);

	private final Registry registry;

	private final RecordValidator validator;

	private int saved;

	DemoData(Registry registry, RecordValidator validator) {
		this.registry = registry;
		this.validator = validator;
	}

	/** Loads the records and returns how many. */
	int load() {
		String media = save(new SourceInput("media", "https://example.org/news/invented-report-1", "B2", null));
		String lawyer = save(new SourceInput("lawyer", "Адвокат защиты (вымышленный)", "A1", null));
		String hotline = save(new SourceInput("hotline", "Звонок на горячую линию, вымышленный", "C3", null));

		String sokolov = save(new PersonInput(List.of("Андрей Соколов", "Andrei Sokolov"), 1979, "Москва", null,
				"Вымышленный человек для демонстрации.", true, true, List.of(media)));
		String wiretapCase = save(
				new CaseInput(sokolov, "criminal", LocalDate.of(2025, 3, 4), "Москва", List.of("УК 207.3"), "wiretap",
						null, "Мещанский районный суд", "in-court", null, null, null, null, List.of(lawyer)));
		save(new CaseEventInput(wiretapCase, "detention", LocalDate.of(2025, 3, 4), null, null, null,
				"Задержан после прослушки телефонных разговоров.", List.of(lawyer)));
		save(new CaseEventInput(wiretapCase, "measure-of-restraint", LocalDate.of(2025, 3, 6), "Мещанский районный суд",
				"custody", LocalDate.of(2025, 5, 4), null, List.of(lawyer)));
		save(new CaseEventInput(wiretapCase, "extension", LocalDate.of(2025, 4, 30), "Мещанский районный суд",
				"custody", LocalDate.of(2025, 8, 4), "Продление на заседании.", List.of(lawyer)));

		String lebedeva = save(new PersonInput(List.of("Мария Лебедева", "Maria Lebedeva"), 2004, "Санкт-Петербург",
				null, null, false, false, List.of(hotline)));
		String fatherCase = save(new CaseInput(lebedeva, "criminal", LocalDate.of(2025, 1, 20), "Санкт-Петербург",
				List.of(), "denunciation", "relative", null, "closed", "dismissed", null, null,
				"Донос отца; опрошена и отпущена без обвинения.", List.of(hotline)));
		save(new CaseEventInput(fatherCase, "questioning", LocalDate.of(2025, 1, 20), null, null, null, null,
				List.of(hotline)));
		save(new CaseEventInput(fatherCase, "release", LocalDate.of(2025, 1, 20), null, null, null,
				"Отпущена без обвинения.", List.of(hotline)));

		String kravtsov = save(new PersonInput(List.of("Игорь Кравцов", "Igor Kravtsov"), 1988, "Новосибирская область",
				null, null, true, false, List.of(media)));
		save(new IncidentInput(LocalDate.of(2025, 2, 11), "Новосибирская область", "Новосибирск", "private-message",
				"Сообщения в групповом чате", null, null, 1, List.of(kravtsov),
				"Знакомый переслал сообщения из группового чата.", List.of(media)));
		String chatCase = save(new CaseInput(kravtsov, "criminal", LocalDate.of(2025, 2, 15), "Новосибирская область",
				List.of("207.3"), "denunciation", "acquaintance", "Центральный районный суд Новосибирска",
				"investigation", null, null, null, null, List.of(media)));
		save(new CaseEventInput(chatCase, "search", LocalDate.of(2025, 2, 18), null, null, null, "Обыск в квартире.",
				List.of(media)));

		String picketer = save(new PersonInput(List.of("Ольга Петренко", "Olga Petrenko"), 1965, "Москва", null, null,
				true, true, List.of(media)));
		save(new IncidentInput(LocalDate.of(2025, 2, 24), "Москва", "Пушкинская площадь", "single-picket",
				"Против войны", null, null, 1, List.of(picketer), null, List.of(media)));
		String picketCase = save(new CaseInput(picketer, "administrative", LocalDate.of(2025, 2, 24), "Москва",
				List.of("КоАП 20.3.3"), "street-detention", null, "Тверской районный суд", "closed", "fine", 45000L,
				null, null, List.of(media)));
		save(new CaseEventInput(picketCase, "verdict", LocalDate.of(2025, 3, 12), "Тверской районный суд", null, null,
				null, List.of(media)));
		save(new IncidentInput(LocalDate.of(2025, 2, 24), "Санкт-Петербург", "Гостиный двор", "protest", "Против войны",
				"стихийная", "not-agreed", 27, List.of(), null, List.of(media)));
		return this.saved;
	}

	private String save(RecordInput input) {
		Validated<?> validated = this.validator.validate(LOADER, input);
		if (!validated.isValid()) {
			throw new IllegalStateException("demo record is invalid: " + validated.problems());
		}
		SaveResult result = this.registry.record(LOADER, validated.details());
		this.saved++;
		return ((SaveResult.Saved) result).id().toString();
	}

}

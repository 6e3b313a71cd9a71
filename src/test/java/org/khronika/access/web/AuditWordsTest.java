package org.khronika.access.web;

import org.khronika.access.AuditTrail;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's codes, as the audit page shows them in Russian. */
class AuditWordsTest {

	private final AuditWords words = new AuditWords(org.khronika.TestMessages.source(), Locale.forLanguageTag("ru"));

	@Test
	void whatWasDoneAndWhatItConcernedAreSaidInTheReadersWords() {
		assertThat(this.words.action("login-success")).isEqualTo("вход");
		assertThat(this.words.action("account-added")).isEqualTo("учётная запись добавлена");
		assertThat(this.words.detail("case")).isEqualTo("Дела");
		assertThat(this.words.detail("all: 0")).as("a search's scope and count").isEqualTo("всё: 0");
		assertThat(this.words.detail("report: accepted")).isEqualTo("сообщение: принято");
		assertThat(this.words.detail("report file 2 (original)")).isEqualTo("сообщение, файл 2 (оригинал)");
		assertThat(this.words.detail("same-person")).isEqualTo("Люди: тот же, записанный также как");
		assertThat(this.words.detail("recovery-code")).isEqualTo("код восстановления");
		assertThat(this.words.detail("report: " + AuditTrail.NO_ONE))
			.as("a report given to no one (no login has a space)")
			.isEqualTo("сообщение: никому");
		assertThat(this.words.detail("report: alice")).as("a report given to a login").isEqualTo("сообщение: alice");
	}

	@Test
	void dataStaysAsRecordedAndAnUnknownCodeIsShownAsItIs() {
		assertThat(this.words.detail("ru-admin admin")).as("a login and a role").isEqualTo("ru-admin (администратор)");
		assertThat(this.words.action("a-new-action")).isEqualTo("a-new-action");
		assertThat(this.words.detail(null)).isNull();
	}

}

package org.khronika.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.khronika.catalog.Catalog;
import org.khronika.crypto.ConversationKey;
import org.khronika.crypto.IntakeSealer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where reports come in: checks a report, seals it with the intake key's public half and
 * inserts it, and nothing else. It reads nothing back, so it needs no more than the
 * public key and a database role that may insert reports: what the keyless intake node
 * runs on ({@link org.khronika.intake.web.IntakeNode}).
 */
public class ReportInbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final Supplier<IntakeSealer> sealer;

	/**
	 * The regions and informant relationships the catalog knows: what answers may name.
	 */
	private final Set<String> regions;

	private final Set<String> informants;

	private final Clock clock;

	private final int retentionDays;

	public ReportInbox(JdbcTemplate jdbc, Supplier<IntakeSealer> sealer, Catalog catalog, Clock clock,
			int retentionDays) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.regions = catalog.regions()
			.stream()
			.map(org.khronika.catalog.Region::code)
			.collect(Collectors.toUnmodifiableSet());
		this.informants = catalog.vocabulary("informant-relationships")
			.terms()
			.stream()
			.map(org.khronika.catalog.Term::code)
			.collect(Collectors.toUnmodifiableSet());
		this.clock = clock;
		this.retentionDays = retentionDays;
	}

	/** How many days a report not accepted is kept: what the form tells its reporters. */
	public int retentionDays() {
		return this.retentionDays;
	}

	/**
	 * Checks the answers, seals them and stores the report.
	 * @return the receipt, to be shown once: it is stored only as its hash
	 * @throws InvalidReport if an answer is missing or wrong; nothing is stored
	 */
	public Receipt submit(ReportAnswers answers, Reports.Channel channel) {
		LocalDate today = LocalDate.now(this.clock);
		List<ReportAnswers.Problem> problems = answers.problems(this.regions, this.informants, today);
		if (!problems.isEmpty()) {
			throw new InvalidReport(problems);
		}
		String id = UUID.randomUUID().toString();
		Receipt receipt = Receipt.generate();
		ConversationKey conversation = ConversationKey.generate();
		byte[] sealed = conversation.sealWith(this.sealer.get(), JSON.writeValueAsBytes(answers.stored()),
				Reports.context(id));
		this.jdbc.update(
				"INSERT INTO intake_report (id, received_on, channel, kind, region, state, changed_on, receipt_hash, "
						+ "answers, conversation_wrapped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				id, today.toString(), channel.code(), answers.what(), answers.region(), ReportState.NEW.code(),
				today.toString(), receipt.hash(), sealed, conversation.wrappedFor(receipt.code(), id));
		return receipt;
	}

}

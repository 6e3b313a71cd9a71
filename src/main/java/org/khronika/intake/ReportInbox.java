package org.khronika.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.khronika.catalog.Catalog;
import org.khronika.crypto.AttachmentKey;
import org.khronika.crypto.ConversationKey;
import org.khronika.crypto.IntakeSealer;
import org.khronika.intake.files.Cleaned;
import org.khronika.intake.files.FileKind;
import org.khronika.intake.files.MetadataRemoval;
import org.khronika.intake.files.UnreadableFile;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

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
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
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
		return submit(answers, List.of(), channel);
	}

	/**
	 * Checks the answers and the files, takes the files' hidden data out, seals it all
	 * and stores the report with its files in one transaction.
	 * @return the receipt, to be shown once: it is stored only as its hash
	 * @throws InvalidReport if an answer is missing or wrong, or a file too large, one
	 * too many, not of a kind we take, not what its name says, or broken; nothing is
	 * stored
	 */
	public Receipt submit(ReportAnswers answers, List<Attachment> attachments, Reports.Channel channel) {
		LocalDate today = LocalDate.now(this.clock);
		List<ReportAnswers.Problem> problems = new ArrayList<>(answers.problems(this.regions, this.informants, today));
		List<Prepared> prepared = clean(attachments, problems);
		if (!problems.isEmpty()) {
			throw new InvalidReport(problems);
		}
		String id = UUID.randomUUID().toString();
		Receipt receipt = Receipt.generate();
		ConversationKey conversation = ConversationKey.generate();
		byte[] sealed = conversation.sealWith(this.sealer.get(), JSON.writeValueAsBytes(answers.stored()),
				Reports.context(id));
		AttachmentKey fileKey = attachments.isEmpty() ? null : AttachmentKey.generate();
		List<Object[]> files = new ArrayList<>();
		for (int position = 0; position < attachments.size(); position++) {
			files.add(sealedFile(fileKey, id, position, attachments.get(position), prepared.get(position)));
		}
		Runnable store = () -> {
			this.jdbc.update(
					"INSERT INTO intake_report (id, received_on, channel, kind, region, state, changed_on, receipt_hash, "
							+ "answers, conversation_wrapped, attachment_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					id, today.toString(), channel.code(), answers.what(), answers.region(), ReportState.NEW.code(),
					today.toString(), receipt.hash(), sealed, conversation.wrappedFor(receipt.code(), id),
					(fileKey != null) ? fileKey.sealedFor(this.sealer.get(), id) : null);
			for (Object[] file : files) {
				this.jdbc.update("INSERT INTO intake_attachment (report_id, position, description, cleaned, original) "
						+ "VALUES (?, ?, ?, ?, ?)", file);
			}
		};
		if (files.isEmpty()) {
			store.run(); // one statement: atomic as it is
		}
		else {
			this.transactions.executeWithoutResult(status -> store.run());
		}
		return receipt;
	}

	/** A file as its first bytes say it is, and cleaned of its hidden data. */
	private record Prepared(FileKind kind, Cleaned cleaned) {
	}

	/**
	 * The files cleaned of their hidden data, in order; what is wrong with any of them
	 * goes to {@code problems}, by its name.
	 */
	private static List<Prepared> clean(List<Attachment> attachments, List<ReportAnswers.Problem> problems) {
		List<Prepared> cleaned = new ArrayList<>();
		if (attachments.size() > Attachment.MAX_FILES) {
			problems.add(new ReportAnswers.Problem(FILES, "report.problem.files.many", Attachment.MAX_FILES));
			return cleaned;
		}
		for (Attachment file : attachments) {
			String name = file.shownName();
			if (file.content().length > Attachment.MAX_BYTES) {
				problems.add(new ReportAnswers.Problem(FILES, "report.problem.file.large", name,
						Attachment.MAX_BYTES / 1_000_000));
				continue;
			}
			if (file.content().length == 0) {
				problems.add(new ReportAnswers.Problem(FILES, "report.problem.file.empty", name));
				continue;
			}
			Optional<FileKind> kind = FileKind.of(file.content());
			Optional<FileKind> claimed = FileKind.claimed(name, file.mediaType());
			if (kind.isEmpty()) {
				problems.add(new ReportAnswers.Problem(FILES, "report.problem.file.kind", name));
				continue;
			}
			if (claimed.isPresent() && claimed.get() != kind.get()) {
				problems.add(new ReportAnswers.Problem(FILES, "report.problem.file.claim", name, claimed.get().name()));
				continue;
			}
			try {
				cleaned.add(new Prepared(kind.get(), MetadataRemoval.clean(kind.get(), file.content())));
			}
			catch (UnreadableFile ex) {
				problems.add(new ReportAnswers.Problem(FILES,
						"report.problem.file." + ex.reason().name().toLowerCase(java.util.Locale.ROOT), name,
						kind.get().name()));
			}
		}
		return cleaned;
	}

	/**
	 * The row of one file: its description, cleaned content and original, each sealed.
	 */
	private static Object[] sealedFile(AttachmentKey key, String id, int position, Attachment file, Prepared prepared) {
		Cleaned cleaned = prepared.cleaned();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", file.shownName());
		description.put("kind", prepared.kind().name());
		description.put("size", file.content().length);
		description.put("cleanedSize", cleaned.content().length);
		description.put("removed", new TreeSet<>(cleaned.removed()));
		return new Object[] { id, position,
				key.seal(JSON.writeValueAsBytes(description), Reports.fileContext(id, position, "description")),
				key.seal(cleaned.content(), Reports.fileContext(id, position, "cleaned")),
				key.seal(file.content(), Reports.fileContext(id, position, "original")) };
	}

	/** The form field files are reported under. */
	public static final String FILES = "files";

}

package org.khronika.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Capability;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.AttachmentKey;
import org.khronika.crypto.ConversationKey;
import org.khronika.crypto.IntakeOpener;
import org.khronika.crypto.IntakeSealer;
import org.khronika.intake.files.FileKind;
import org.khronika.intake.files.MetadataRemoval;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Refusal;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake's API. A report is checked, sealed whole to the intake key and stored with its
 * receipt's hash, in one step: a report that fails a check leaves nothing behind, and one
 * acknowledged with a receipt is stored. Its reporter follows it by receipt and may
 * withdraw it, which deletes it. Staff who triage ({@link Capability#TRIAGE_REPORTS}) see
 * the queue of reports by what is stored in clear (day, channel, what happened, region,
 * state) and open each one on its own, every opening and decision in the audit trail.
 */
public class Reports {

	private static final Log logger = LogFactory.getLog(Reports.class);

	/** How a report came in. */
	public enum Channel {

		WEB, PHONE, API;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A report in the queue: what is kept in clear, nothing sealed. */
	public record Summary(String id, LocalDate receivedOn, String channel, String kind, String region,
			ReportState state, String assignee) {
	}

	/**
	 * A report opened: its summary, the reporter's answers and, once it is accepted, the
	 * source record that stands for it.
	 *
	 * @param answers the answers, or null if the report does not open
	 * ({@link #unreadable})
	 */
	public record Opened(Summary summary, ReportAnswers answers, String sourceId, List<Message> messages,
			List<FileDescription> files) {

		/**
		 * Whether its sealed answers do not open (changed or moved outside Khronika):
		 * only its summary is known, and no message or file of it can be read.
		 */
		public boolean unreadable() {
			return this.answers == null;
		}

	}

	/**
	 * The report a source was accepted from: its id and how many files came with it.
	 */
	public record Origin(String id, int files) {
	}

	/**
	 * A file sent with a report, as its sealed description tells it: its place in the
	 * report, the name it came with, its kind, its size as sent and as cleaned, and the
	 * hidden data taken out of it (codes, see {@link MetadataRemoval}).
	 */
	public record FileDescription(int position, String name, FileKind kind, long size, long cleanedSize,
			List<String> removed) {
	}

	/**
	 * A file opened: its description and its content, cleaned or the untouched original.
	 */
	public record OpenedFile(FileDescription description, boolean original, byte[] content) {
	}

	/**
	 * A message between a report's reporter and the monitors: the day it was sent, who
	 * wrote it ({@code reporter} or {@code monitor}; which monitor is in the audit trail
	 * only) and its text.
	 */
	public record Message(LocalDate sentOn, String author, String text) {

		public static final String REPORTER = "reporter";

		public static final String MONITOR = "monitor";

	}

	/**
	 * Which reports the queue shows: by state (open ones if none), region, kind and
	 * assignee (anyone's if none).
	 */
	public record Filter(ReportState state, String region, String kind, String assignee) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final Supplier<IntakeOpener> opener;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final int retentionDays;

	private final Registry registry;

	private final ReportInbox inbox;

	private final TransactionTemplate transactions;

	Reports(JdbcTemplate jdbc, Supplier<IntakeSealer> sealer, Supplier<IntakeOpener> opener, AccessPolicy policy,
			AuditTrail audit, Catalog catalog, Clock clock, int retentionDays, Registry registry) {
		this.registry = registry;
		this.inbox = new ReportInbox(jdbc, sealer, catalog, clock, retentionDays);
		this.jdbc = jdbc;
		this.opener = opener;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.retentionDays = retentionDays;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
	}

	/** Where reports come in: the part of intake that needs no key but the public one. */
	public ReportInbox inbox() {
		return this.inbox;
	}

	/** How many days a report not accepted is kept before it is deleted. */
	public int retentionDays() {
		return this.retentionDays;
	}

	/**
	 * Checks the answers, seals them and stores the report ({@link ReportInbox}).
	 * @return the receipt, to be shown once: it is stored only as its hash
	 * @throws InvalidReport if an answer is missing or wrong; nothing is stored
	 */
	public Receipt submit(ReportAnswers answers, Channel channel) {
		return this.inbox.submit(answers, channel);
	}

	/**
	 * Checks the answers and files, cleans and seals them and stores the report
	 * ({@link ReportInbox}).
	 * @return the receipt, to be shown once
	 * @throws InvalidReport if an answer or a file is wrong; nothing is stored
	 */
	public Receipt submit(ReportAnswers answers, List<Attachment> files, Channel channel) {
		return this.inbox.submit(answers, files, channel);
	}

	/** The state of the report {@code receipt} belongs to; empty if none does. */
	public Optional<ReportState> status(Receipt receipt) {
		return this.jdbc
			.queryForList("SELECT state FROM intake_report WHERE receipt_hash = ?", String.class, receipt.hash())
			.stream()
			.findFirst()
			.flatMap(ReportState::ofCode);
	}

	/**
	 * The messages of the report {@code receipt} belongs to, opened with the receipt:
	 * oldest first; empty if there is no such report.
	 */
	public List<Message> messages(Receipt receipt) {
		return reportOf(receipt)
			.map(report -> messages(report.id(),
					ConversationKey.unwrappedWith(receipt.code(), report.id(), report.wrapped())))
			.orElse(List.of());
	}

	/**
	 * A message from the reporter of the report {@code receipt} belongs to; a report
	 * waiting for their answer is in review again.
	 * @return whether there is such a report
	 * @throws InvalidReport if the message is empty or too long
	 */
	public boolean reply(Receipt receipt, String text) {
		Optional<Conversation> report = reportOf(receipt);
		if (report.isEmpty()) {
			return false;
		}
		requireMessage(text);
		String id = report.get().id();
		add(id, Message.REPORTER, text, ConversationKey.unwrappedWith(receipt.code(), id, report.get().wrapped()));
		this.jdbc.update("UPDATE intake_report SET state = ?, changed_on = ? WHERE id = ? AND state = ?",
				ReportState.IN_REVIEW.code(), today().toString(), id, ReportState.NEEDS_INFORMATION.code());
		return true;
	}

	/**
	 * A message to the reporter of report {@code id}, who reads it with the receipt; the
	 * report then waits for their answer (audited).
	 * @return whether there is such a report
	 * @throws AccessRefused unless {@code actor} triages reports
	 * @throws InvalidReport if the message is empty or too long
	 */
	public boolean ask(Actor actor, String id, String text) {
		requireTriage(actor);
		requireMessage(text);
		List<byte[]> sealed = this.jdbc.query("SELECT answers FROM intake_report WHERE id = ?",
				(rs, n) -> rs.getBytes(1), id);
		if (sealed.isEmpty()) {
			return false;
		}
		add(id, Message.MONITOR, text, ConversationKey.opened(this.opener.get(), sealed.get(0), context(id)).key());
		this.jdbc.update("UPDATE intake_report SET state = ?, changed_on = ? WHERE id = ? AND state IN (?, ?)",
				ReportState.NEEDS_INFORMATION.code(), today().toString(), id, ReportState.NEW.code(),
				ReportState.IN_REVIEW.code());
		this.audit.read(actor, "message", "report", List.of(id));
		return true;
	}

	private static void requireMessage(String text) {
		List<ReportAnswers.Problem> problems = new ArrayList<>();
		if (text == null || text.isBlank()) {
			problems.add(new ReportAnswers.Problem("message", "report.problem.required"));
		}
		else if (text.codePointCount(0, text.length()) > ReportAnswers.LONG) {
			problems.add(new ReportAnswers.Problem("message", "report.problem.tooLong", ReportAnswers.LONG));
		}
		if (!problems.isEmpty()) {
			throw new InvalidReport(problems);
		}
	}

	private void add(String id, String author, String text, ConversationKey key) {
		Integer last = this.jdbc.queryForObject("SELECT MAX(position) FROM intake_message WHERE report_id = ?",
				Integer.class, id);
		int position = (last != null) ? last + 1 : 1;
		this.jdbc.update(
				"INSERT INTO intake_message (report_id, position, sent_on, author, body) VALUES (?, ?, ?, ?, ?)", id,
				position, today().toString(), author, key.seal(text.strip(), messageContext(id, position)));
	}

	private List<Message> messages(String id, ConversationKey key) {
		return this.jdbc.query(
				"SELECT position, sent_on, author, body FROM intake_message WHERE report_id = ? ORDER BY position",
				(rs, n) -> new Message(LocalDate.parse(rs.getString(2)), rs.getString(3),
						key.open(rs.getBytes(4), messageContext(id, rs.getInt(1)))),
				id);
	}

	/** A report as its reporter reaches it: its id and its wrapped conversation key. */
	private record Conversation(String id, byte[] wrapped) {
	}

	private Optional<Conversation> reportOf(Receipt receipt) {
		return this.jdbc
			.query("SELECT id, conversation_wrapped FROM intake_report WHERE receipt_hash = ?",
					(rs, n) -> new Conversation(rs.getString(1), rs.getBytes(2)), receipt.hash())
			.stream()
			.filter(report -> report.wrapped() != null)
			.findFirst();
	}

	private static String messageContext(String id, int position) {
		return "khronika report " + id + " message " + position;
	}

	/**
	 * Deletes the report {@code receipt} belongs to, and its messages, at its reporter's
	 * wish.
	 * @return whether there was one
	 */
	public boolean withdraw(Receipt receipt) {
		Boolean withdrawn = this.transactions.execute(status -> {
			List<String> ids = this.jdbc.queryForList("SELECT id FROM intake_report WHERE receipt_hash = ?",
					String.class, receipt.hash());
			ids.forEach(id -> {
				this.jdbc.update("DELETE FROM intake_message WHERE report_id = ?", id);
				this.jdbc.update("DELETE FROM intake_attachment WHERE report_id = ?", id);
			});
			return this.jdbc.update("DELETE FROM intake_report WHERE receipt_hash = ?", receipt.hash()) > 0;
		});
		return Boolean.TRUE.equals(withdrawn);
	}

	/**
	 * The reports {@code filter} asks for, new ones first, then by the day they came in,
	 * latest first; at most {@code limit}.
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public List<Summary> queue(Actor actor, Filter filter, int limit) {
		requireTriage(actor);
		StringBuilder sql = new StringBuilder(
				"SELECT id, received_on, channel, kind, region, state, assignee FROM intake_report WHERE ");
		List<Object> arguments = new ArrayList<>();
		if (filter.state() != null) {
			sql.append("state = ?");
			arguments.add(filter.state().code());
		}
		else {
			List<ReportState> open = java.util.Arrays.stream(ReportState.values()).filter(ReportState::open).toList();
			sql.append("state IN (").append(open.stream().map(s -> "?").collect(Collectors.joining(", "))).append(")");
			open.forEach(state -> arguments.add(state.code()));
		}
		if (filter.region() != null) {
			sql.append(" AND region = ?");
			arguments.add(filter.region());
		}
		if (filter.kind() != null) {
			sql.append(" AND kind = ?");
			arguments.add(filter.kind());
		}
		if (filter.assignee() != null) {
			sql.append(" AND assignee = ?");
			arguments.add(filter.assignee());
		}
		sql.append(" ORDER BY CASE WHEN state = 'new' THEN 0 ELSE 1 END, received_on DESC, id LIMIT ")
			.append(Math.max(1, limit));
		return this.jdbc.query(sql.toString(), (rs, n) -> summary(rs), arguments.toArray());
	}

	/**
	 * A new token that may only hand in reports, named {@code label}: returned once, kept
	 * as its SHA-256 only.
	 * @throws AccessRefused unless {@code actor} manages users
	 * @throws IllegalArgumentException if the label is empty, too long or taken
	 */
	public String createToken(Actor actor, String label) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		if (label == null || label.isBlank() || label.length() > 100) {
			throw new IllegalArgumentException("a token's label is 1 to 100 characters");
		}
		Integer taken = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_token WHERE label = ?", Integer.class,
				label);
		if (taken != null && taken > 0) {
			throw new IllegalArgumentException("a token named '" + label + "' exists already");
		}
		String token = "khronika-intake-"
				+ Receipt.generate().display().replace("-", "").toLowerCase(java.util.Locale.ROOT);
		String hash = sha256(token);
		this.audit.credential(actor.login(), "intake-token-created", label, hash,
				() -> this.jdbc.update(
						"INSERT INTO intake_token (token_hash, label, created_on, revoked) VALUES (?, ?, ?, FALSE)",
						hash, label, today().toString()));
		return token;
	}

	/**
	 * Revokes the intake token named {@code label}.
	 * @return whether there was such a token
	 * @throws AccessRefused unless {@code actor} manages users
	 */
	public boolean revokeToken(Actor actor, String label) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		Integer live = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_token WHERE label = ? AND revoked = FALSE",
				Integer.class, label);
		if (live != null && live > 0) {
			this.audit.account(actor.login(), "intake-token-revoked", label, null,
					() -> this.jdbc.update("UPDATE intake_token SET revoked = TRUE WHERE label = ?", label));
			return true;
		}
		// none, or revoked already: nothing changes
		Integer any = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_token WHERE label = ?", Integer.class,
				label);
		return any != null && any > 0;
	}

	/** Whether {@code token} is an intake token, not revoked. */
	public boolean intakeToken(String token) {
		Integer found = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM intake_token WHERE token_hash = ? AND revoked = FALSE", Integer.class,
				sha256(token));
		return found != null && found > 0;
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/**
	 * How many open reports (new, in review, needing information) are assigned to them.
	 */
	public long assignedTo(Actor actor) {
		requireTriage(actor);
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM intake_report WHERE assignee = ? AND state IN (?, ?, ?)", Long.class,
				actor.login(), ReportState.NEW.code(), ReportState.IN_REVIEW.code(),
				ReportState.NEEDS_INFORMATION.code());
		return (count != null) ? count : 0;
	}

	/** How many reports are new: not yet opened by anyone. */
	public long waiting(Actor actor) {
		requireTriage(actor);
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_report WHERE state = 'new'", Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Opens report {@code id} for {@code actor}: the opening is audited, and a new report
	 * is in review from then on. A report whose sealed answers do not open is given as
	 * {@link Opened#unreadable() unreadable}, its summary only, so that it can still be
	 * decided on.
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public Optional<Opened> open(Actor actor, String id) {
		requireTriage(actor);
		record Stored(byte[] answers, String source) {
		}
		List<Stored> found = this.jdbc.query("SELECT answers, source_id FROM intake_report WHERE id = ?",
				(rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)), id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ConversationKey.Envelope envelope;
		try {
			envelope = ConversationKey.opened(this.opener.get(), found.get(0).answers(), context(id));
		}
		catch (org.khronika.crypto.SealedDataException ex) {
			logger.error("report " + id + " does not open (" + ex.getMessage() + "); its summary only is shown");
			this.audit.read(actor, "read", "report", List.of(id));
			return summary(id).map(summary -> new Opened(summary, null, found.get(0).source(), List.of(), List.of()));
		}
		this.audit.read(actor, "read", "report", List.of(id));
		this.jdbc.update("UPDATE intake_report SET state = ?, changed_on = ? WHERE id = ? AND state = ?",
				ReportState.IN_REVIEW.code(), today().toString(), id, ReportState.NEW.code());
		Map<String, Object> stored = JSON.readValue(new String(envelope.content(), StandardCharsets.UTF_8),
				new TypeReference<Map<String, Object>>() {
				});
		String source = found.get(0).source();
		List<Message> messages = messages(id, envelope.key());
		List<FileDescription> files = fileKey(id).map(key -> files(id, key)).orElse(List.of());
		return summary(id)
			.map(summary -> new Opened(summary, ReportAnswers.fromStored(stored), source, messages, files));
	}

	/**
	 * Opens file {@code position} of report {@code id} for {@code actor}: the cleaned
	 * file, or the untouched {@code original} (which may show where a photo was taken and
	 * by whom). Each opening is audited, saying which.
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public Optional<OpenedFile> openFile(Actor actor, String id, int position, boolean original) {
		requireTriage(actor);
		Optional<AttachmentKey> key = fileKey(id);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		String part = original ? "original" : "cleaned";
		List<byte[][]> rows = this.jdbc.query(
				"SELECT description, " + part + " FROM intake_attachment WHERE report_id = ? AND position = ?",
				(rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) }, id, position);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		FileDescription description = description(key.get(), id, position, rows.get(0)[0]);
		byte[] content = read(key.get(), rows.get(0)[1], fileContext(id, position, part));
		this.audit.read(actor, "read", "report file " + (position + 1) + (original ? " (original)" : ""), List.of(id));
		return Optional.of(new OpenedFile(description, original, content));
	}

	private Optional<AttachmentKey> fileKey(String id) {
		return this.jdbc
			.query("SELECT attachment_key FROM intake_report WHERE id = ? AND attachment_key IS NOT NULL",
					(rs, n) -> rs.getBytes(1), id)
			.stream()
			.findFirst()
			.map(sealed -> AttachmentKey.opened(this.opener.get(), sealed, id));
	}

	private List<FileDescription> files(String id, AttachmentKey key) {
		return this.jdbc.query(
				"SELECT position, description FROM intake_attachment WHERE report_id = ? ORDER BY position",
				(rs, n) -> description(key, id, rs.getInt(1), rs.getBytes(2)), id);
	}

	private static FileDescription description(AttachmentKey key, String id, int position, byte[] sealed) {
		Map<String, Object> stored = JSON.readValue(read(key, sealed, fileContext(id, position, "description")),
				new TypeReference<Map<String, Object>>() {
				});
		@SuppressWarnings("unchecked")
		List<String> removed = (List<String>) stored.getOrDefault("removed", List.of());
		return new FileDescription(position, String.valueOf(stored.get("name")),
				FileKind.valueOf(String.valueOf(stored.get("kind"))), ((Number) stored.get("size")).longValue(),
				((Number) stored.get("cleanedSize")).longValue(), List.copyOf(removed));
	}

	private static byte[] read(AttachmentKey key, byte[] sealed, String context) {
		try (java.io.InputStream in = key.open(sealed, context)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new org.khronika.crypto.SealedDataException(
					"a report's file does not open: changed, moved or under another key");
		}
	}

	/** What part {@code part} of a report's file {@code position} is sealed for. */
	static String fileContext(String id, int position, String part) {
		return "khronika report " + id + " file " + position + " " + part;
	}

	/**
	 * Accepts report {@code id}: it becomes a source (kind "report", graded
	 * {@code reliability} on the Admiralty scale) that the records made from it cite, and
	 * it is kept past the retention period. A report accepted already keeps its source.
	 * @return the source, or the registry's refusal (an actor who may not record sources,
	 * a grade that is not one)
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public SaveResult accept(Actor actor, String id, String reliability) {
		requireTriage(actor);
		Optional<Summary> summary = summary(id);
		if (summary.isEmpty()) {
			return new SaveResult.Refused(Refusal.NOT_FOUND);
		}
		String existing = this.jdbc.queryForObject("SELECT source_id FROM intake_report WHERE id = ?", String.class,
				id);
		if (existing != null) {
			return new SaveResult.Saved(RecordKind.SOURCE.id(UUID.fromString(existing)), 1);
		}
		// the reference says which report, never who sent it
		SaveResult source = this.registry.record(actor,
				RecordDraft.empty(RecordKind.SOURCE)
					.with("kind", "report")
					.with("reliability", reliability)
					.with("reference", "Report " + id.substring(0, 8) + " of " + summary.get().receivedOn() + " ("
							+ summary.get().channel() + ")"));
		if (source instanceof SaveResult.Saved saved) {
			this.jdbc.update("UPDATE intake_report SET state = ?, changed_on = ?, source_id = ? WHERE id = ?",
					ReportState.ACCEPTED.code(), today().toString(), saved.id().toString(), id);
			this.audit.read(actor, "decide", "report: " + ReportState.ACCEPTED.code(), List.of(id));
		}
		return source;
	}

	/**
	 * The report that source {@code sourceId} was accepted from, if it is still kept (its
	 * reporter may have withdrawn it). Opens nothing, so is not audited: opening the
	 * report is.
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public Optional<Origin> acceptedAs(Actor actor, String sourceId) {
		requireTriage(actor);
		return this.jdbc
			.query("SELECT r.id, (SELECT COUNT(*) FROM intake_attachment a WHERE a.report_id = r.id) "
					+ "FROM intake_report r WHERE r.source_id = ?",
					(rs, n) -> new Origin(rs.getString(1), rs.getInt(2)), sourceId)
			.stream()
			.findFirst();
	}

	/** What became of a decision on a report. */
	public enum Decided {

		/** The report is in the state decided. */
		DECIDED,
		/** No such report. */
		NO_SUCH_REPORT,
		/**
		 * The report was accepted: it is a source that records cite, and stays accepted
		 * (and kept) whatever is decided later.
		 */
		ACCEPTED_ALREADY

	}

	/**
	 * Puts report {@code id} in {@code state} (audited), unless it was accepted: an
	 * accepted report is a source, and a later "spam" or "closed" would leave the source
	 * citing a report the retention period then deletes, with its files.
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public Decided decide(Actor actor, String id, ReportState state) {
		requireTriage(actor);
		if (state == ReportState.ACCEPTED) {
			throw new IllegalArgumentException("a report is accepted with accept(), which makes its source");
		}
		int changed = this.jdbc.update(
				"UPDATE intake_report SET state = ?, changed_on = ? WHERE id = ? AND source_id IS NULL", state.code(),
				today().toString(), id);
		if (changed > 0) {
			this.audit.read(actor, "decide", "report: " + state.code(), List.of(id));
			return Decided.DECIDED;
		}
		return summary(id).isPresent() ? Decided.ACCEPTED_ALREADY : Decided.NO_SUCH_REPORT;
	}

	/**
	 * Gives report {@code id} to {@code login} to handle, or to no one (null).
	 * @return whether there is such a report
	 * @throws AccessRefused unless {@code actor} triages reports
	 */
	public boolean assign(Actor actor, String id, String login) {
		requireTriage(actor);
		int changed = this.jdbc.update("UPDATE intake_report SET assignee = ? WHERE id = ?", login, id);
		if (changed > 0) {
			this.audit.read(actor, "assign", "report: " + ((login != null) ? login : AuditTrail.NO_ONE), List.of(id));
		}
		return changed > 0;
	}

	/**
	 * Deletes the reports not accepted whose last change is older than the retention
	 * period. A report that became a source is never deleted, whatever its state says (a
	 * build before 7 December 2026 let a later decision change an accepted report's
	 * state).
	 * @return how many were deleted
	 */
	public int deleteExpired() {
		String before = today().minusDays(this.retentionDays).toString();
		String expired = "state <> ? AND source_id IS NULL AND changed_on < ?";
		Integer deleted = this.transactions.execute(status -> {
			for (String table : List.of("intake_message", "intake_attachment")) {
				this.jdbc.update("DELETE FROM " + table + " WHERE report_id IN (SELECT id FROM intake_report WHERE "
						+ expired + ")", ReportState.ACCEPTED.code(), before);
			}
			return this.jdbc.update("DELETE FROM intake_report WHERE " + expired, ReportState.ACCEPTED.code(), before);
		});
		return (deleted != null) ? deleted : 0;
	}

	private Optional<Summary> summary(String id) {
		return this.jdbc
			.query("SELECT id, received_on, channel, kind, region, state, assignee FROM intake_report WHERE id = ?",
					(rs, n) -> summary(rs), id)
			.stream()
			.findFirst();
	}

	private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Summary(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getString(5), ReportState.ofCode(rs.getString(6)).orElse(ReportState.NEW), rs.getString(7));
	}

	private void requireTriage(Actor actor) {
		AccessRefused.unless(this.policy.may(actor, Capability.TRIAGE_REPORTS));
	}

	/** What a report's answers are sealed for: its id, so they open for no other row. */
	static String context(String id) {
		return "khronika report " + id + " answers";
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}

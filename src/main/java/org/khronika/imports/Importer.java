package org.khronika.imports;

import org.khronika.catalog.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.khronika.access.Actor;
import org.khronika.eventlog.EventLog;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonMatcher;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordDetails;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.Validated;

/**
 * Imports a table through a mapping profile, in two passes over the file. The first reads
 * every row into a draft (every value of a split cell kept) and checks it as any entry
 * path is checked, the kind's rules included, and finds rows that repeat a key; if the
 * file cannot be read to its end, nothing is written. The second writes the valid rows
 * through the registry, in batches of {@value #BATCH} rows per transaction, each row's
 * record together with its key and a keyed fingerprint of what it says: a row seen before
 * revises its record only if its fingerprint changed, without opening the record. Invalid
 * rows are reported with their row, column and reason, never dropped silently.
 */
public final class Importer {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(Importer.class);

	static final int BATCH = 500;

	/**
	 * The most new person rows a dry run looks up known persons for: each is a search,
	 * and a table of a hundred thousand persons is best checked by a linkage run after.
	 */
	static final int MATCHED_ROWS = 5_000;

	/** The most known persons offered for one row. */
	static final int MATCHES_PER_ROW = 3;

	/** Told how far an import has come. */
	public interface Progress {

		/**
		 * @param phase {@code check} or {@code write}
		 * @param rows rows done in this phase
		 * @param fraction how much of the file this phase has read, 0 to 1
		 */
		void update(String phase, long rows, double fraction);

	}

	private final Registry registry;

	private final RecordValidator validator;

	private final EventLog log;

	private final ImportKeys keys;

	private final PersonMatcher matcher;

	Importer(Registry registry, RecordValidator validator, EventLog log, ImportKeys keys, PersonMatcher matcher) {
		this.registry = registry;
		this.matcher = matcher;
		this.validator = validator;
		this.log = log;
		this.keys = keys;
	}

	/**
	 * The row key each imported record came from, by record id: the profile's name, a
	 * colon and the row's key values, opened from their sealed copies (they may name a
	 * person: a profile keys rows by whatever columns it is told to); none for a record
	 * whose person was shredded. Needs the keyring.
	 */
	public java.util.Map<String, String> rowKeys() {
		sealClearKeys();
		return this.keys.byRecord();
	}

	/**
	 * Seals the row keys that a build before 7 December 2026 stored in clear
	 * ({@link ImportKeys#sealClear}), in one transaction, then scrubs what they left on
	 * the disk ({@link ImportKeys#scrub}); nothing when there are none, or while writes
	 * are stopped. The server calls it once its keyring is unlocked; every import does
	 * before it looks a key up.
	 */
	public void sealClearKeys() {
		if (this.keys.anyClear() && this.log.halted().isEmpty()) {
			int sealed = this.log.write(appender -> this.keys.sealClear());
			this.keys.scrub();
			logger.info("sealed " + sealed + " import row keys that an earlier build kept in clear");
		}
	}

	/**
	 * Imports {@code file} as {@code actor}; with {@code dryRun} only checks it, and for
	 * persons also looks for those recorded already that a new row may describe.
	 * @throws ImportFailure if the file cannot be read or lacks the profile's columns;
	 * then nothing was written
	 */
	public ImportReport run(Actor actor, MappingProfile profile, Path file, boolean dryRun, Progress progress) {
		return run(actor, profile, ImportFile.of(file), dryRun, progress);
	}

	/** As {@link #run(Actor, MappingProfile, Path, boolean, Progress)}, for any file. */
	public ImportReport run(Actor actor, MappingProfile profile, ImportFile file, boolean dryRun, Progress progress) {
		if (!this.registry.mayCreate(actor, profile.kind())) {
			throw new ImportFailure("import.mayNotRecord", actor.login(), actor.role().code(), profile.kind().plural());
		}
		// a row is found by its key's fingerprint: none may still be stored in clear
		sealClearKeys();
		Tally tally = new Tally();
		try (Table table = Table.open(file)) {
			List<String> missing = Table.missing(table.header(), profile.columns());
			if (!missing.isEmpty()) {
				throw new ImportFailure("import.missingColumns", String.join(", ", missing),
						Table.shown(table.header()));
			}
			table.forEachRow(row -> {
				tally.rows++;
				if (row.isBlank()) {
					tally.blank++;
					return;
				}
				Checked checked = check(actor, profile, row);
				Long earlier = tally.firstRowOfKey.putIfAbsent(checked.key(), row.number());
				if (earlier != null) {
					checked.problems()
						.add(new ImportReport.RowProblem(row.number(), String.join("+", profile.key()), null,
								Message.of("import.duplicateKey", earlier)));
				}
				if (checked.problems().isEmpty()) {
					Optional<ImportKeys.Known> known = this.keys.find(profile.name(), checked.key());
					RecordId revising = known.map(k -> profile.kind().id(UUID.fromString(k.recordId()))).orElse(null);
					this.registry.check(actor, checked.draft(), revising)
						.forEach(problem -> checked.problems().add(rowProblem(profile, row, problem)));
					if (checked.problems().isEmpty() && known.isPresent()) {
						tally.known++;
					}
					else if (checked.problems().isEmpty() && dryRun
							&& checked.details() instanceof PersonDetails person) {
						offerKnown(actor, person, row.number(), tally);
					}
				}
				if (!checked.problems().isEmpty()) {
					tally.invalid.set((int) row.number());
					tally.problems.addAll(checked.problems());
				}
				if (tally.rows % 100 == 0) {
					progress.update("check", tally.rows, table.progress());
				}
			});
			progress.update("check", tally.rows, 1);
		}
		long valid = tally.rows - tally.blank - tally.invalid.cardinality();
		if (dryRun) {
			return new ImportReport(true, tally.rows, tally.blank, valid - tally.known, tally.known, 0, tally.problems,
					tally.matches, profile.kind() == RecordKind.PERSON, tally.matchedRows);
		}
		long[] counts = new long[3];
		List<ImportReport.RowProblem> refused = new ArrayList<>();
		try (Table table = Table.open(file)) {
			List<Table.Row> batch = new ArrayList<>(BATCH);
			long[] done = { 0 };
			Runnable flush = () -> {
				this.log.write(appender -> {
					for (Table.Row row : batch) {
						if (!row.isBlank() && !tally.invalid.get((int) row.number())) {
							write(actor, profile, row, counts, refused);
						}
					}
					return null;
				});
				done[0] += batch.size();
				batch.clear();
				progress.update("write", done[0], table.progress());
			};
			table.forEachRow(row -> {
				batch.add(row);
				if (batch.size() == BATCH) {
					flush.run();
				}
			});
			flush.run();
			progress.update("write", done[0], 1);
		}
		List<ImportReport.RowProblem> problems = new ArrayList<>(tally.problems);
		problems.addAll(refused);
		return new ImportReport(false, tally.rows, tally.blank, counts[0], counts[1], counts[2], problems, List.of(),
				profile.kind() == RecordKind.PERSON, 0);
	}

	/**
	 * Looks up the persons recorded already that a new row may describe, for the first
	 * {@value #MATCHED_ROWS} new rows, so that the dry run offers them before a second
	 * record of one person is made.
	 */
	private void offerKnown(Actor actor, PersonDetails person, long row, Tally tally) {
		if (tally.matchedRows >= MATCHED_ROWS || !this.matcher.ready()) {
			// the report says how many rows were looked up
			return;
		}
		tally.matchedRows++;
		List<RecordId> known = this.matcher.matches(actor, person, MATCHES_PER_ROW)
			.stream()
			.map(RecordView::id)
			.toList();
		if (!known.isEmpty()) {
			tally.matches.add(new ImportReport.KnownPerson(row, known));
		}
	}

	/** What the checking pass found. */
	private static final class Tally {

		long rows;

		long blank;

		long known;

		final BitSet invalid = new BitSet();

		final List<ImportReport.RowProblem> problems = new ArrayList<>();

		final Map<String, Long> firstRowOfKey = new HashMap<>();

		final List<ImportReport.KnownPerson> matches = new ArrayList<>();

		long matchedRows;

	}

	/**
	 * Writes one row checked in the first pass: a new record for a new key; for a known
	 * key, nothing if the row's fingerprint is what it last recorded, else a revision. A
	 * row the registry refuses now (someone changed a record it refers to meanwhile) is
	 * reported, not written.
	 */
	private void write(Actor actor, MappingProfile profile, Table.Row row, long[] counts,
			List<ImportReport.RowProblem> refused) {
		Checked checked = check(actor, profile, row);
		if (!checked.problems().isEmpty()) {
			throw new IllegalStateException("row " + row.number() + " changed between the two passes");
		}
		String fingerprint = this.registry.fingerprint(checked.details());
		Optional<ImportKeys.Known> known = this.keys.find(profile.name(), checked.key());
		if (known.isEmpty()) {
			SaveResult result = this.registry.record(actor, checked.draft());
			if (result instanceof SaveResult.Saved saved) {
				this.keys.put(profile.name(), checked.key(), saved.id().toString(), fingerprint);
				counts[0]++;
			}
			else {
				refuse(profile, row, (SaveResult.Refused) result, refused);
			}
			return;
		}
		RecordId id = profile.kind().id(UUID.fromString(known.get().recordId()));
		if (fingerprint.equals(known.get().fingerprint())) {
			counts[2]++;
			return;
		}
		if (known.get().fingerprint() == null && this.registry.says(id, checked.details())) {
			this.keys.fingerprint(profile.name(), checked.key(), fingerprint);
			counts[2]++;
			return;
		}
		SaveResult result = this.registry.revise(actor, id, checked.draft());
		if (result instanceof SaveResult.Saved) {
			this.keys.fingerprint(profile.name(), checked.key(), fingerprint);
			counts[1]++;
		}
		else {
			refuse(profile, row, (SaveResult.Refused) result, refused);
		}
	}

	private static void refuse(MappingProfile profile, Table.Row row, SaveResult.Refused refused,
			List<ImportReport.RowProblem> problems) {
		if (refused.problems().isEmpty()) {
			problems.add(new ImportReport.RowProblem(row.number(), null, null, Message.of(refused.refusal().code())));
		}
		refused.problems().forEach(problem -> problems.add(rowProblem(profile, row, problem)));
	}

	/**
	 * @param draft what the row says, field by field
	 * @param details the draft checked, or null if it has problems
	 */
	private record Checked(String key, RecordDraft draft, RecordDetails details,
			List<ImportReport.RowProblem> problems) {
	}

	/**
	 * Reads a row through the profile into a draft, every value of a field kept (every
	 * spelling of a split cell), and checks it as any entry path is checked.
	 */
	private Checked check(Actor actor, MappingProfile profile, Table.Row row) {
		List<ImportReport.RowProblem> problems = new ArrayList<>();
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (FieldRule rule : profile.fields()) {
			FieldRule.Outcome outcome = rule.apply((rule.column() != null) ? row.cells().get(rule.column()) : null);
			if (outcome instanceof FieldRule.Problem problem) {
				problems.add(new ImportReport.RowProblem(row.number(), rule.column(), rule.field(), problem.message()));
			}
			else {
				// a field read from several columns gets the values of each
				values.computeIfAbsent(rule.field(), f -> new ArrayList<>())
					.addAll(((FieldRule.Values) outcome).values());
			}
		}
		StringBuilder key = new StringBuilder();
		for (String column : profile.key()) {
			String value = row.cells().get(column);
			if (value == null || value.isBlank()) {
				problems.add(new ImportReport.RowProblem(row.number(), column, null, Message.of("import.keyEmpty")));
			}
			key.append((key.length() > 0) ? "\u001f" : "").append((value != null) ? value.strip() : "");
		}
		RecordDraft draft = RecordDraft.of(profile.kind(), values);
		Validated<RecordDetails> validated = this.validator.validate(actor, draft);
		for (FieldProblem problem : validated.problems()) {
			String field = problem.field().replaceAll("\\[\\d+\\]$", "");
			if (problems.stream().noneMatch(p -> field.equals(p.field()))) {
				problems.add(rowProblem(profile, row, problem));
			}
		}
		return new Checked(key.toString(), draft, validated.isValid() ? validated.details() : null, problems);
	}

	/** A field's problem as the row's, at the column that feeds the field. */
	private static ImportReport.RowProblem rowProblem(MappingProfile profile, Table.Row row, FieldProblem problem) {
		String field = problem.field().replaceAll("\\[\\d+\\]$", "");
		String column = profile.fields()
			.stream()
			.filter(rule -> rule.field().equals(field))
			.map(FieldRule::column)
			.findFirst()
			.orElse(null);
		return new ImportReport.RowProblem(row.number(), column, field,
				new Message(problem.messageCode(), problem.arguments()));
	}

}

package org.khronika.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.khronika.access.Actor;
import org.khronika.eventlog.EventLog;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.InputReader;
import org.khronika.registry.RecordDetails;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.Validated;

import org.springframework.context.MessageSource;

/**
 * Imports a table through a mapping profile, in two passes over the file. The first reads
 * and checks every row with the registry's own validation, and finds rows that repeat a
 * key; if the file cannot be read to its end, nothing is written. The second writes the
 * valid rows through the registry, in batches of {@value #BATCH} rows per transaction,
 * each row's record together with its key: a row seen before revises its record only if
 * it changed. Invalid rows are reported with their row, column and reason, never dropped
 * silently.
 */
public final class Importer {

	static final int BATCH = 500;

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

	private final MessageSource messages;

	Importer(Registry registry, RecordValidator validator, EventLog log, ImportKeys keys, MessageSource messages) {
		this.registry = registry;
		this.validator = validator;
		this.log = log;
		this.keys = keys;
		this.messages = messages;
	}

	/**
	 * Imports {@code file} as {@code actor}; with {@code dryRun} only checks it.
	 * @throws ImportFailure if the file cannot be read or lacks the profile's columns;
	 * then nothing was written
	 */
	public ImportReport run(Actor actor, MappingProfile profile, Path file, boolean dryRun, Progress progress) {
		return run(actor, profile, ImportFile.of(file), dryRun, progress);
	}

	/** As {@link #run(Actor, MappingProfile, Path, boolean, Progress)}, for any file. */
	public ImportReport run(Actor actor, MappingProfile profile, ImportFile file, boolean dryRun, Progress progress) {
		if (!this.registry.mayCreate(actor, profile.kind())) {
			throw new ImportFailure("the account " + actor.login() + " (" + actor.role().code() + ") may not record "
					+ profile.kind().plural());
		}
		Tally tally = new Tally();
		try (Table table = Table.open(file)) {
			List<String> missing = Table.missing(table.header(), profile.columns());
			if (!missing.isEmpty()) {
				throw new ImportFailure("the file has no column " + String.join(", ", missing) + "; its columns are "
						+ String.join(", ", table.header()));
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
								"the same key as row " + earlier + ": one of them is a duplicate"));
				}
				if (!checked.problems().isEmpty()) {
					tally.invalid.set((int) row.number());
					tally.problems.addAll(checked.problems());
				}
				else if (this.keys.find(profile.name(), checked.key()).isPresent()) {
					tally.known++;
				}
				if (tally.rows % 100 == 0) {
					progress.update("check", tally.rows, table.progress());
				}
			});
			progress.update("check", tally.rows, 1);
		}
		long valid = tally.rows - tally.blank - tally.invalid.cardinality();
		if (dryRun) {
			return new ImportReport(true, tally.rows, tally.blank, valid - tally.known, tally.known, 0, tally.problems);
		}
		long[] counts = new long[3];
		try (Table table = Table.open(file)) {
			List<Table.Row> batch = new ArrayList<>(BATCH);
			long[] done = { 0 };
			Runnable flush = () -> {
				this.log.write(appender -> {
					for (Table.Row row : batch) {
						if (!row.isBlank() && !tally.invalid.get((int) row.number())) {
							write(actor, profile, row, counts);
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
		return new ImportReport(false, tally.rows, tally.blank, counts[0], counts[1], counts[2], tally.problems);
	}

	/** What the checking pass found. */
	private static final class Tally {

		long rows;

		long blank;

		long known;

		final BitSet invalid = new BitSet();

		final List<ImportReport.RowProblem> problems = new ArrayList<>();

		final Map<String, Long> firstRowOfKey = new HashMap<>();

	}

	private void write(Actor actor, MappingProfile profile, Table.Row row, long[] counts) {
		Checked checked = check(actor, profile, row);
		if (!checked.problems().isEmpty()) {
			throw new IllegalStateException("row " + row.number() + " changed between the two passes");
		}
		var existing = this.keys.find(profile.name(), checked.key());
		if (existing.isEmpty()) {
			SaveResult result = this.registry.record(actor, checked.details());
			RecordId id = ((SaveResult.Saved) result).id();
			this.keys.put(profile.name(), checked.key(), id.toString());
			counts[0]++;
			return;
		}
		RecordId id = profile.kind().id(UUID.fromString(existing.get()));
		SaveResult result = this.registry.reviseIfChanged(actor, id, checked.details());
		if (result instanceof SaveResult.Unchanged) {
			counts[2]++;
		}
		else if (result instanceof SaveResult.Saved) {
			counts[1]++;
		}
		else {
			throw new ImportFailure(
					"row " + row.number() + " cannot update its record: " + ((SaveResult.Refused) result).code());
		}
	}

	private record Checked(String key, RecordDetails details, List<ImportReport.RowProblem> problems) {
	}

	private Checked check(Actor actor, MappingProfile profile, Table.Row row) {
		List<ImportReport.RowProblem> problems = new ArrayList<>();
		Map<String, List<String>> form = new LinkedHashMap<>();
		Map<String, String> columnOf = new HashMap<>();
		for (FieldRule rule : profile.fields()) {
			columnOf.put(rule.field(), rule.column());
			FieldRule.Outcome outcome = rule.apply((rule.column() != null) ? row.cells().get(rule.column()) : null);
			if (outcome instanceof FieldRule.Problem problem) {
				problems.add(new ImportReport.RowProblem(row.number(), rule.column(), rule.field(), problem.message()));
			}
			else {
				form.put(rule.field(), ((FieldRule.Values) outcome).values());
			}
		}
		StringBuilder key = new StringBuilder();
		for (String column : profile.key()) {
			String value = row.cells().get(column);
			if (value == null || value.isBlank()) {
				problems.add(new ImportReport.RowProblem(row.number(), column, null, "the key column is empty"));
			}
			key.append((key.length() > 0) ? "\u001f" : "").append((value != null) ? value.strip() : "");
		}
		List<FieldProblem> readProblems = new ArrayList<>();
		var input = InputReader.fromForm(profile.kind(), form, readProblems);
		Validated<? extends RecordDetails> validated = this.validator.validate(actor, input, readProblems);
		for (FieldProblem problem : validated.problems()) {
			String field = problem.field().replaceAll("\\[\\d+\\]$", "");
			if (problems.stream().noneMatch(p -> field.equals(p.field()))) {
				problems.add(new ImportReport.RowProblem(row.number(), columnOf.get(field), field, this.messages
					.getMessage(problem.messageCode(), problem.arguments().toArray(), problem.code(), Locale.ENGLISH)));
			}
		}
		return new Checked(key.toString(), validated.isValid() ? validated.details() : null, problems);
	}

}

package org.khronika.imports;

import org.khronika.catalog.Message;
import java.util.List;

import org.khronika.registry.RecordId;

/**
 * What an import did, or in a dry run would do.
 *
 * @param rows the data rows read
 * @param blank rows whose every cell is empty: they hold nothing to import and are
 * skipped
 * @param created new records (in a dry run: rows with a key not seen before)
 * @param updated records a corrected row revised (in a dry run: rows with a known key)
 * @param unchanged rows whose record already said the same (not counted in a dry run)
 * @param problems everything wrong with the rows that cannot be imported (a row may have
 * several); these rows were not written
 * @param known in a dry run of persons: the new rows that may describe a person recorded
 * already, with who that may be
 * @param ofPersons whether the table is of persons, whose new rows a dry run looks up
 * among the persons recorded already
 * @param lookedUp how many new rows were looked up for {@code known}: at most the first
 * {@value Importer#MATCHED_ROWS}
 */
public record ImportReport(boolean dryRun, long rows, long blank, long created, long updated, long unchanged,
		List<RowProblem> problems, List<KnownPerson> known, boolean ofPersons, long lookedUp) {

	public ImportReport {
		problems = List.copyOf(problems);
		known = List.copyOf(known);
	}

	/**
	 * Whether some new rows of persons were not looked up for known persons (a table of
	 * incidents or cases has none to look up).
	 */
	public boolean lookupCapped() {
		return this.dryRun && this.ofPersons && this.lookedUp < this.created;
	}

	/**
	 * Whether any row is written (a dry run: would be): a new one, or one imported
	 * before.
	 */
	public boolean writesAny() {
		return this.created + this.updated > 0;
	}

	/**
	 * A new row that may describe a person recorded already.
	 *
	 * @param row the row number as a spreadsheet shows it
	 * @param persons the person records it may describe, the closest first (ids only: the
	 * page opens them as its reader may see them)
	 */
	public record KnownPerson(long row, List<RecordId> persons) {

		public KnownPerson {
			persons = List.copyOf(persons);
		}

	}

	/** How many rows were refused: each once, whatever number of problems it has. */
	public long refused() {
		return this.problems.stream().map(RowProblem::row).distinct().count();
	}

	/**
	 * What is wrong with a row.
	 *
	 * @param row the row number as a spreadsheet shows it (the header is row 1)
	 * @param column the file's column, or null if the problem is the row's
	 * @param field the record's field, or null
	 * @param message what is wrong, in any language
	 */
	public record RowProblem(long row, String column, String field, Message message) {

		/** In English, for the command line: {@code row 7, column date: …}. */
		@Override
		public String toString() {
			return "row " + this.row + ((this.column != null) ? ", column " + this.column : "")
					+ ((this.field != null && !this.field.equals(this.column)) ? " (" + this.field + ")" : "") + ": "
					+ this.message.english();
		}

	}

}

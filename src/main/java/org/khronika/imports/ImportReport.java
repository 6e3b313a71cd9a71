package org.khronika.imports;

import org.khronika.catalog.Message;
import java.util.List;

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
 */
public record ImportReport(boolean dryRun, long rows, long blank, long created, long updated, long unchanged,
		List<RowProblem> problems) {

	public ImportReport {
		problems = List.copyOf(problems);
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

package org.khronika.imports;

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
 * @param problems every row that cannot be imported, and why; these rows were not written
 */
public record ImportReport(boolean dryRun, long rows, long blank, long created, long updated, long unchanged,
		List<RowProblem> problems) {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	/**
	 * Why a row cannot be imported.
	 *
	 * @param row the row number as a spreadsheet shows it (the header is row 1)
	 * @param column the file's column, or null if the problem is the row's
	 * @param field the record's field, or null
	 */
	public record RowProblem(long row, String column, String field, String message) {

		@Override
		public String toString() {
			return "row " + this.row + ((this.column != null) ? ", column " + this.column : "")
					+ ((this.field != null && !this.field.equals(this.column)) ? " (" + this.field + ")" : "") + ": "
					+ this.message;
		}

	}

}

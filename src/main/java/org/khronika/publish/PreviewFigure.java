package org.khronika.publish;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;

/**
 * A planned figure as the preview shows it, on the publishing page and from
 * {@code publish preview}: named in one language, with a note on what is suppressed, a
 * header, rows and a footer of totals, counts written as the language groups them.
 */
public record PreviewFigure(String code, String title, String note, List<String> header, List<List<String>> rows,
		List<String> footer) {

	/** {@code table} as the preview shows it in {@code locale}. */
	public static PreviewFigure of(Publication publication, Publication.Table table, MessageSource messages,
			Locale locale) {
		String note = table.k()
			.map(k -> messages.getMessage("publish.figure.suppressed", new Object[] { k - 1, k }, locale))
			.orElse(messages.getMessage("publish.figure.notSuppressed", null, locale));
		List<String> by = table.figure().by();
		NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
		Function<String, String> written = shown -> Publication.written(shown, numbers);
		String total = messages.getMessage("stats.total", null, locale);
		List<String> header = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		List<String> footer = new ArrayList<>();
		if (by.size() == 1) {
			header.add("");
			header.add(messages.getMessage("publish.figure.count", null, locale));
			for (int c = 0; c < table.columns().size(); c++) {
				rows.add(List.of(publication.heading(by.get(0), table.columns().get(c), locale),
						written.apply(table.cells().get(0).get(c))));
			}
		}
		else if (by.size() == 2) {
			header.add("");
			table.columns().forEach(column -> header.add(publication.heading(by.get(1), column, locale)));
			header.add(total);
			for (int r = 0; r < table.rows().size(); r++) {
				List<String> row = new ArrayList<>();
				row.add(publication.heading(by.get(0), table.rows().get(r), locale));
				table.cells().get(r).stream().map(written).forEach(row::add);
				row.add(written.apply(table.rowTotals().get(r)));
				rows.add(row);
			}
			footer.add(total);
			table.columnTotals().stream().map(written).forEach(footer::add);
		}
		if (footer.isEmpty()) {
			footer.add(total);
		}
		footer.add(written.apply(table.total()));
		return new PreviewFigure(table.figure().code(), table.figure().title().in(locale), note, header, rows, footer);
	}

	/**
	 * The figure as lines of text, its columns aligned: the code and title, the note,
	 * then the table (the first column, of names, to the left; counts to the right).
	 */
	public List<String> lines() {
		List<List<String>> table = new ArrayList<>();
		if (!this.header.isEmpty()) {
			table.add(this.header);
		}
		table.addAll(this.rows);
		table.add(this.footer);
		int[] widths = new int[table.stream().mapToInt(List::size).max().orElse(0)];
		for (List<String> line : table) {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		List<String> lines = new ArrayList<>(List.of("== " + this.code + ": " + this.title, this.note));
		for (List<String> line : table) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				String cell = line.get(i);
				String pad = " ".repeat(widths[i] - cell.length());
				text.append((i == 0) ? cell + pad : pad + cell).append((i + 1 < line.size()) ? "  " : "");
			}
			lines.add(text.toString().stripTrailing());
		}
		return lines;
	}

}

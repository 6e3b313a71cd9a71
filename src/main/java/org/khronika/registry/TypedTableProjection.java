package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.khronika.eventlog.LogEntry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects every kind's public fields into its typed table ({@link Kind#table()}), which
 * its lists filter and sort and statistics count. Called by {@link RecordProjection} for
 * every registry event it applies, in the same transaction, so the tables are always
 * exactly the records. Needs no key: it reads public fields only.
 */
final class TypedTableProjection {

	private final JdbcTemplate jdbc;

	TypedTableProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void apply(LogEntry entry, RegistryEvent event) {
		String id = event.recordId().toString();
		TypedTable table = Kinds.of(event.recordId().kind()).table();
		if (event instanceof RegistryEvent.WithDetails withDetails) {
			Kind<RecordDetails> kind = Kinds.of(withDetails.details());
			FieldValues values = kind.values(withDetails.details());
			List<String> names = new ArrayList<>();
			List<Object> arguments = new ArrayList<>();
			for (TypedTable.Column column : table.columns()) {
				names.add(column.name());
				arguments.add(sql(applies(kind, withDetails.details(), column) ? column.value().apply(values)
						: notApplicable(kind, column)));
			}
			List<Object> update = new ArrayList<>(arguments);
			update.add(entry.sequence());
			update.add(id);
			int updated = this.jdbc.update("UPDATE " + table.table() + " SET "
					+ String.join(", ", names.stream().map(n -> n + " = ?").toList()) + ", last_seq = ? WHERE id = ?",
					update.toArray());
			if (updated == 0) {
				List<Object> insert = new ArrayList<>(List.of(id));
				insert.addAll(arguments);
				insert.add(entry.actor());
				insert.add(entry.sequence());
				this.jdbc.update("INSERT INTO " + table.table() + " (id, " + String.join(", ", names)
						+ ", restricted, created_by, last_seq) VALUES (?, "
						+ String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ", FALSE, ?, ?)",
						insert.toArray());
			}
		}
		else if (event instanceof RegistryEvent.AccessSet access) {
			this.jdbc.update("UPDATE " + table.table() + " SET restricted = ?, last_seq = ? WHERE id = ?",
					access.restricted(), entry.sequence(), id);
		}
		else if (event instanceof RegistryEvent.Shredded) {
			// the public fields stay; the row is marked as changed for readers that keep
			// up
			this.jdbc.update("UPDATE " + table.table() + " SET last_seq = ? WHERE id = ?", entry.sequence(), id);
		}
	}

	void clear() {
		for (Kind<?> kind : Kinds.all()) {
			this.jdbc.update("DELETE FROM " + kind.table().table());
		}
	}

	private static boolean applies(Kind<RecordDetails> kind, RecordDetails details, TypedTable.Column column) {
		return column.field() == null || kind.applies(details, kind.field(column.field()).orElseThrow());
	}

	/** A text column says the field does not apply; a number or a day is left empty. */
	private static Object notApplicable(Kind<RecordDetails> kind, TypedTable.Column column) {
		FieldType type = kind.field(column.field()).orElseThrow().type();
		return (type == FieldType.NUMBER || type == FieldType.AMOUNT || type == FieldType.DATE) ? null
				: TypedTable.NOT_APPLICABLE;
	}

	private static Object sql(Object value) {
		return (value instanceof LocalDate day) ? day.toString() : value;
	}

}

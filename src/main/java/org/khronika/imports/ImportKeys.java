package org.khronika.imports;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which record each imported row became, by profile and the row's stable key. */
final class ImportKeys {

	private final JdbcTemplate jdbc;

	ImportKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> find(String profile, String key) {
		List<String> ids = this.jdbc.queryForList("SELECT record_id FROM import_key WHERE profile = ? AND row_key = ?",
				String.class, profile, key);
		return ids.stream().findFirst();
	}

	void put(String profile, String key, String recordId) {
		this.jdbc.update("INSERT INTO import_key (profile, row_key, record_id) VALUES (?, ?, ?)", profile, key,
				recordId);
	}

}

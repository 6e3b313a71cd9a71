package org.khronika.imports;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which record each imported row became, by profile and the row's stable key, with a
 * keyed fingerprint of what the row last recorded.
 */
final class ImportKeys {

	/**
	 * @param fingerprint of the details the row last recorded; null for rows imported
	 * before fingerprints were kept
	 */
	record Known(String recordId, String fingerprint) {
	}

	private final JdbcTemplate jdbc;

	ImportKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The row key each imported record came from: its profile's name, a colon, its key.
	 */
	java.util.Map<String, String> byRecord() {
		java.util.Map<String, String> keys = new java.util.HashMap<>();
		this.jdbc.query("SELECT record_id, profile, row_key FROM import_key",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> keys.put(rs.getString(1),
						rs.getString(2) + ":" + rs.getString(3)));
		return keys;
	}

	Optional<Known> find(String profile, String key) {
		List<Known> known = this.jdbc.query(
				"SELECT record_id, row_hash FROM import_key WHERE profile = ? AND row_key = ?",
				(rs, n) -> new Known(rs.getString(1), rs.getString(2)), profile, key);
		return known.stream().findFirst();
	}

	void put(String profile, String key, String recordId, String fingerprint) {
		this.jdbc.update("INSERT INTO import_key (profile, row_key, record_id, row_hash) VALUES (?, ?, ?, ?)", profile,
				key, recordId, fingerprint);
	}

	void fingerprint(String profile, String key, String fingerprint) {
		this.jdbc.update("UPDATE import_key SET row_hash = ? WHERE profile = ? AND row_key = ?", fingerprint, profile,
				key);
	}

}

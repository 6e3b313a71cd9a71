package org.khronika.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.crypto.Fingerprints;
import org.khronika.crypto.Scrubbing;
import org.khronika.crypto.SealedDataException;
import org.khronika.crypto.Sealer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which record each imported row became, by profile and the row's stable key, with a
 * keyed fingerprint of what the row last recorded. A row's key may be what names a person
 * (a profile keys rows by whatever columns it is told to), so it is never stored in
 * clear: it is kept as its keyed fingerprint, by which a row is found again, and sealed
 * under its record's key, for {@code linkage clusters} (shredding the record's subject
 * makes it unreadable with the rest).
 */
final class ImportKeys {

	private static final Log logger = LogFactory.getLog(ImportKeys.class);

	/** The purpose of the fingerprints that stand for row keys. */
	private static final String PURPOSE = "import-keys";

	/**
	 * @param fingerprint of the details the row last recorded; null for rows imported
	 * before fingerprints were kept
	 */
	record Known(String recordId, String fingerprint) {
	}

	private final JdbcTemplate jdbc;

	private final Fingerprints fingerprints;

	private final Sealer sealer;

	ImportKeys(JdbcTemplate jdbc, Fingerprints fingerprints, Sealer sealer) {
		this.jdbc = jdbc;
		this.fingerprints = fingerprints;
		this.sealer = sealer;
	}

	/**
	 * The row key each imported record came from: its profile's name, a colon, its key;
	 * none for a record whose key does not open (its subject shredded).
	 */
	Map<String, String> byRecord() {
		record Row(String recordId, String profile, byte[] sealed) {
		}
		List<Row> rows = this.jdbc.query("SELECT record_id, profile, row_key_sealed FROM import_key",
				(rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)));
		List<Sealer.Opened> opened = rows.isEmpty() ? List.of() : this.sealer.openAll(rows.stream()
			.map(row -> new Sealer.Sealed(row.recordId(), row.sealed(), associated(row.profile(), row.recordId())))
			.toList());
		Map<String, String> keys = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Sealer.Opened key = opened.get(i);
			if (key.plaintext() != null) {
				keys.put(rows.get(i).recordId(),
						rows.get(i).profile() + ":" + new String(key.plaintext(), StandardCharsets.UTF_8));
			}
			else if (key.unreadable()) {
				logger.error("the import key of record " + rows.get(i).recordId() + " does not open (" + key.failure()
						+ "): it is left out");
			}
		}
		return keys;
	}

	Optional<Known> find(String profile, String key) {
		List<Known> known = this.jdbc.query(
				"SELECT record_id, row_hash FROM import_key WHERE profile = ? AND row_key = ?",
				(rs, n) -> new Known(rs.getString(1), rs.getString(2)), profile, indexed(profile, key));
		return known.stream().findFirst();
	}

	void put(String profile, String key, String recordId, String fingerprint) {
		this.jdbc.update(
				"INSERT INTO import_key (profile, row_key, row_key_sealed, record_id, row_hash) VALUES (?, ?, ?, ?, ?)",
				profile, indexed(profile, key), seal(profile, key, recordId), recordId, fingerprint);
	}

	void fingerprint(String profile, String key, String fingerprint) {
		this.jdbc.update("UPDATE import_key SET row_hash = ? WHERE profile = ? AND row_key = ?", fingerprint, profile,
				indexed(profile, key));
	}

	/** Whether any key is still stored in clear. */
	boolean anyClear() {
		Integer clear = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT 1 FROM import_key WHERE row_key_sealed IS NULL LIMIT 1) AS any_clear",
				Integer.class);
		return clear != null && clear > 0;
	}

	/**
	 * Replaces each key stored in clear (by a build before 7 December 2026) with its
	 * fingerprint and sealed copy, in the caller's transaction.
	 * @return how many were sealed
	 */
	int sealClear() {
		List<String[]> clear = this.jdbc.query(
				"SELECT profile, row_key, record_id FROM import_key WHERE row_key_sealed IS NULL",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
		List<Object[]> sealed = new ArrayList<>();
		for (String[] row : clear) {
			byte[] key;
			try {
				key = seal(row[0], row[1], row[2]);
			}
			catch (SealedDataException shredded) {
				// its record's subject was shredded: the key is kept as its fingerprint
				// only, and opens as a shredded one
				key = new byte[0];
			}
			sealed.add(new Object[] { indexed(row[0], row[1]), key, row[0], row[1] });
		}
		this.jdbc.batchUpdate("UPDATE import_key SET row_key = ?, row_key_sealed = ? WHERE profile = ? AND row_key = ?",
				sealed);
		return sealed.size();
	}

	/**
	 * Overwrites what the clear keys left on the disk once their sealing has committed,
	 * as shredding does for a key ({@link Scrubbing}).
	 */
	void scrub() {
		Scrubbing.afterChange(this.jdbc, "import_key");
	}

	/** What a row is found by: the keyed fingerprint of its profile and key. */
	private String indexed(String profile, String key) {
		return this.fingerprints.of(PURPOSE, (profile + '\u001f' + key).getBytes(StandardCharsets.UTF_8));
	}

	private byte[] seal(String profile, String key, String recordId) {
		return this.sealer.seal(recordId, key.getBytes(StandardCharsets.UTF_8), associated(profile, recordId));
	}

	private static byte[] associated(String profile, String recordId) {
		return ("import_key:" + profile + ":" + recordId).getBytes(StandardCharsets.UTF_8);
	}

}

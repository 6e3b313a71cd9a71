package org.khronika.crypto.jdbc;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.khronika.crypto.SubjectKeyStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Subject keys in the {@code subject_key} table; shredded subjects in
 * {@code shredded_subject}.
 */
public class JdbcSubjectKeyStore implements SubjectKeyStore {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public JdbcSubjectKeyStore(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = clock;
	}

	@Override
	public Optional<byte[]> find(String subjectId) {
		List<byte[]> keys = this.jdbc.query("SELECT wrapped_key FROM subject_key WHERE subject_id = ?",
				(rs, n) -> rs.getBytes(1), subjectId);
		return keys.stream().findFirst();
	}

	@Override
	public Map<String, byte[]> findAll(Collection<String> subjectIds) {
		Map<String, byte[]> keys = new HashMap<>();
		List<String> all = List.copyOf(new java.util.LinkedHashSet<>(subjectIds));
		for (int from = 0; from < all.size(); from += 500) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
			this.jdbc.query(
					"SELECT subject_id, wrapped_key FROM subject_key WHERE subject_id IN ("
							+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
					(RowCallbackHandler) rs -> keys.put(rs.getString(1), rs.getBytes(2)), chunk.toArray());
		}
		return keys;
	}

	@Override
	public void insert(String subjectId, byte[] wrappedKey) {
		this.jdbc.update("INSERT INTO subject_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)", subjectId,
				wrappedKey, this.clock.instant().toString());
	}

	@Override
	public Map<String, byte[]> page(String afterSubject, int limit) {
		Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
		this.jdbc.query(
				"SELECT subject_id, wrapped_key FROM subject_key WHERE subject_id > ? ORDER BY subject_id LIMIT ?",
				(RowCallbackHandler) rs -> keys.put(rs.getString(1), rs.getBytes(2)), afterSubject, limit);
		return keys;
	}

	@Override
	public boolean replace(String subjectId, byte[] expected, byte[] replacement) {
		return this.jdbc.update("UPDATE subject_key SET wrapped_key = ? WHERE subject_id = ? AND wrapped_key = ?",
				replacement, subjectId, expected) == 1;
	}

	@Override
	public boolean destroy(String subjectId) {
		boolean had = this.jdbc.update("DELETE FROM subject_key WHERE subject_id = ?", subjectId) > 0;
		if (!wasDestroyed(subjectId)) {
			this.jdbc.update("INSERT INTO shredded_subject (subject_id, shredded_at) VALUES (?, ?)", subjectId,
					this.clock.instant().toString());
		}
		return had;
	}

	@Override
	public void scrub() {
		org.khronika.crypto.Scrubbing.afterChange(this.jdbc, "subject_key");
	}

	@Override
	public boolean wasDestroyed(String subjectId) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM shredded_subject WHERE subject_id = ?",
				Integer.class, subjectId);
		return count != null && count > 0;
	}

}

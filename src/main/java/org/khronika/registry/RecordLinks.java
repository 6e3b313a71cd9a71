package org.khronika.registry;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.khronika.eventlog.LogEntry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection of links between records of one kind, person records linked as one
 * person and incident records as one incident, and its questions: which records are
 * linked as one (a cluster: the records connected by links, named by their least id),
 * whether a pair is linked or was rejected. A change of clusters marks the records it
 * touched as changed, so that the search index follows, with the cases of the persons and
 * the facts of the incidents, so that counts do.
 */
final class RecordLinks {

	/** Two records of one kind, the lesser id first. */
	record Pair(String left, String right) {

		static Pair of(RecordId one, RecordId other) {
			String a = one.toString();
			String b = other.toString();
			return (a.compareTo(b) <= 0) ? new Pair(a, b) : new Pair(b, a);
		}

	}

	private final JdbcTemplate jdbc;

	RecordLinks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean linked(Pair pair) {
		return count("SELECT COUNT(*) FROM record_link WHERE left_id = ? AND right_id = ?", pair) > 0;
	}

	boolean rejected(Pair pair) {
		return count("SELECT COUNT(*) FROM record_link_rejected WHERE left_id = ? AND right_id = ?", pair) > 0;
	}

	private int count(String sql, Pair pair) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, pair.left(), pair.right());
		return (count != null) ? count : 0;
	}

	void apply(LogEntry entry, RegistryEvent event) {
		String at = entry.recordedAt().toString();
		if (event instanceof RegistryEvent.Linked linked) {
			Pair pair = Pair.of(linked.recordId(), linked.other());
			this.jdbc.update("INSERT INTO record_link (left_id, right_id, linked_at, linked_by) VALUES (?, ?, ?, ?)",
					pair.left(), pair.right(), at, entry.actor());
			recluster(List.of(pair.left(), pair.right()), entry.sequence());
		}
		else if (event instanceof RegistryEvent.Unlinked unlinked) {
			Pair pair = Pair.of(unlinked.recordId(), unlinked.other());
			this.jdbc.update("DELETE FROM record_link WHERE left_id = ? AND right_id = ?", pair.left(), pair.right());
			recluster(List.of(pair.left(), pair.right()), entry.sequence());
		}
		else if (event instanceof RegistryEvent.LinkRejected rejected) {
			Pair pair = Pair.of(rejected.recordId(), rejected.other());
			this.jdbc.update(
					"INSERT INTO record_link_rejected (left_id, right_id, rejected_at, rejected_by) VALUES (?, ?, ?, ?)",
					pair.left(), pair.right(), at, entry.actor());
		}
	}

	/**
	 * The records linked with {@code record}, itself included, in the order of their ids.
	 */
	Set<String> cluster(String record) {
		Set<String> seen = new TreeSet<>();
		Deque<String> next = new ArrayDeque<>(List.of(record));
		while (!next.isEmpty()) {
			String current = next.pop();
			if (seen.add(current)) {
				next.addAll(this.jdbc.queryForList(
						"SELECT right_id FROM record_link WHERE left_id = ? UNION SELECT left_id FROM record_link WHERE right_id = ?",
						String.class, current, current));
			}
		}
		return seen;
	}

	/**
	 * Works the clusters of {@code records} out again, after a link between them was
	 * added or taken back, and marks them, their persons' cases and their incidents'
	 * facts as changed at {@code sequence}.
	 */
	private void recluster(Collection<String> records, long sequence) {
		Set<String> touched = new LinkedHashSet<>();
		Set<String> done = new HashSet<>();
		for (String record : records) {
			if (done.contains(record)) {
				continue;
			}
			Set<String> cluster = cluster(record);
			done.addAll(cluster);
			touched.addAll(cluster);
			for (String member : cluster) {
				this.jdbc.update("DELETE FROM record_cluster WHERE record_id = ?", member);
				if (cluster.size() > 1) {
					this.jdbc.update("INSERT INTO record_cluster (record_id, cluster_id) VALUES (?, ?)", member,
							cluster.iterator().next());
				}
			}
		}
		for (String record : touched) {
			this.jdbc.update("UPDATE registry_record SET last_seq = ? WHERE id = ?", sequence, record);
			this.jdbc.update("UPDATE fact_case SET last_seq = ? WHERE person = ?", sequence, record);
			this.jdbc.update("UPDATE fact_incident SET last_seq = ? WHERE id = ?", sequence, record);
		}
	}

	void clear() {
		this.jdbc.update("DELETE FROM record_link");
		this.jdbc.update("DELETE FROM record_link_rejected");
		this.jdbc.update("DELETE FROM record_cluster");
	}

}

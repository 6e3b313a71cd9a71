package org.khronika.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.ReadRule;
import org.khronika.access.RecordFacts;
import org.khronika.access.RecordType;
import org.khronika.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read rule as a Lucene query admits exactly the records the rule itself admits, for
 * every role's rule over every kind, on records with every combination of author,
 * restriction, named users, assigned lawyers and enclosing case.
 */
class ReadRuleQueryTest {

	private static final List<String> LOGINS = List.of("anna", "boris", "vera");

	@Test
	void theQueryAdmitsExactlyWhatTheRuleAdmits() throws IOException {
		Random random = new Random(20261202);
		List<RecordFacts> records = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			RecordType type = RecordType.values()[random.nextInt(RecordType.values().length)];
			RecordFacts enclosing = (type == RecordType.CASE_EVENT && random.nextInt(5) > 0)
					? facts(random, RecordType.CASE, null) : null;
			records.add(facts(random, type, enclosing));
		}
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			for (int i = 0; i < records.size(); i++) {
				Document document = new Document();
				document.add(new StoredField("n", i));
				ReadRuleQuery.addFacts(document, records.get(i));
				writer.addDocument(document);
			}
			writer.commit();
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				AccessPolicy policy = new AccessPolicy();
				int checked = 0;
				for (Role role : Role.values()) {
					for (String login : LOGINS) {
						for (RecordType type : RecordType.values()) {
							ReadRule rule = policy.readRule(new Actor(login, role), type);
							Set<Integer> expected = new HashSet<>();
							for (int i = 0; i < records.size(); i++) {
								if (records.get(i).type() == type && rule.admits(records.get(i))) {
									expected.add(i);
								}
							}
							Set<Integer> found = new HashSet<>();
							for (ScoreDoc hit : searcher.search(ReadRuleQuery.of(rule), records.size()).scoreDocs) {
								int n = searcher.storedFields()
									.document(hit.doc)
									.getField("n")
									.numericValue()
									.intValue();
								if (records.get(n).type() == type) {
									found.add(n);
								}
							}
							assertThat(found).as(role + " " + login + " " + type).isEqualTo(expected);
							checked += expected.size();
						}
					}
				}
				assertThat(checked).as("the rules admit some records, not none").isGreaterThan(100);
			}
		}
	}

	private static RecordFacts facts(Random random, RecordType type, RecordFacts enclosing) {
		return new RecordFacts(type, LOGINS.get(random.nextInt(LOGINS.size())), random.nextInt(3) == 0, subset(random),
				subset(random), enclosing);
	}

	private static Set<String> subset(Random random) {
		Set<String> logins = new HashSet<>();
		LOGINS.forEach(login -> {
			if (random.nextInt(3) == 0) {
				logins.add(login);
			}
		});
		return logins;
	}

}

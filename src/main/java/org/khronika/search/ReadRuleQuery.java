package org.khronika.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.khronika.access.ReadRule;
import org.khronika.access.RecordFacts;

/**
 * The access policy's {@link ReadRule} as a Lucene query over the facts each document
 * carries: the one place the rule becomes a query, as {@code ReadRuleSql} is for SQL. A
 * document holds its record's facts, and a case event's also those of its case, under
 * their own prefix. {@code ReadRuleQueryTest} holds that the query admits exactly the
 * documents {@link ReadRule#admits} admits.
 */
final class ReadRuleQuery {

	private static final String RECORD = "a.";

	private static final String ENCLOSING = "e.";

	private ReadRuleQuery() {
	}

	/** Adds the facts of a record (and of its enclosing record) to its document. */
	static void addFacts(Document document, RecordFacts facts) {
		add(document, RECORD, facts);
		if (facts.enclosing() != null) {
			add(document, ENCLOSING, facts.enclosing());
		}
	}

	private static void add(Document document, String prefix, RecordFacts facts) {
		document.add(new StringField(prefix + "present", "1", Field.Store.NO));
		document.add(new StringField(prefix + "by", facts.createdBy(), Field.Store.NO));
		document.add(new StringField(prefix + "restricted", facts.restricted() ? "1" : "0", Field.Store.NO));
		facts.named().forEach(login -> document.add(new StringField(prefix + "named", login, Field.Store.NO)));
		facts.assignees().forEach(login -> document.add(new StringField(prefix + "assignees", login, Field.Store.NO)));
	}

	/** The query that admits exactly the documents whose facts {@code rule} admits. */
	static Query of(ReadRule rule) {
		return of(rule, RECORD);
	}

	private static Query of(ReadRule rule, String prefix) {
		if (rule instanceof ReadRule.Everyone) {
			return new MatchAllDocsQuery();
		}
		if (rule instanceof ReadRule.Nobody) {
			return new MatchNoDocsQuery();
		}
		if (rule instanceof ReadRule.CreatedBy createdBy) {
			return term(prefix + "by", createdBy.login());
		}
		if (rule instanceof ReadRule.NamedOn namedOn) {
			return term(prefix + "named", namedOn.login());
		}
		if (rule instanceof ReadRule.AssignedThroughCase assigned) {
			return term(prefix + "assignees", assigned.login());
		}
		if (rule instanceof ReadRule.NotRestricted) {
			return term(prefix + "restricted", "0");
		}
		if (rule instanceof ReadRule.WithinEnclosing within) {
			if (!prefix.equals(RECORD)) {
				return new MatchNoDocsQuery();
			}
			return new BooleanQuery.Builder().add(term(ENCLOSING + "present", "1"), Occur.FILTER)
				.add(of(within.rule(), ENCLOSING), Occur.FILTER)
				.build();
		}
		if (rule instanceof ReadRule.AllOf all) {
			BooleanQuery.Builder query = new BooleanQuery.Builder();
			all.rules().forEach(part -> query.add(of(part, prefix), Occur.FILTER));
			return query.build();
		}
		if (rule instanceof ReadRule.AnyOf any) {
			BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
			any.rules().forEach(part -> query.add(of(part, prefix), Occur.SHOULD));
			return query.build();
		}
		throw new IllegalArgumentException("no query for the rule " + rule.getClass().getSimpleName());
	}

	private static Query term(String field, String value) {
		return new TermQuery(new Term(field, value));
	}

}

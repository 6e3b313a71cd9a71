package org.khronika.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.PendingEntry;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWriterTest {

	private static PendingEntry entry(int number) {
		return new PendingEntry(EntryIdentity.next("audit"), "audit.read", 1, "reader-" + number, "{}", null);
	}

	@Test
	void entriesAreCommittedInTheOrderTheyWereQueuedAndFlushWaitsForThem() {
		List<String> committed = Collections.synchronizedList(new ArrayList<>());
		try (AuditWriter writer = new AuditWriter(group -> group.forEach(e -> committed.add(e.actor())))) {
			for (int i = 0; i < 500; i++) {
				writer.enqueue(entry(i));
			}
			writer.flush();

			assertThat(committed).hasSize(500);
			assertThat(committed.get(0)).isEqualTo("reader-0");
			assertThat(committed.get(499)).isEqualTo("reader-499");
		}
	}

	@Test
	void readersDoNotWaitForAGroupBeingWrittenAndTheWaitingOnesAreWrittenTogether() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> groups = Collections.synchronizedList(new ArrayList<>());
		try (AuditWriter writer = new AuditWriter(group -> {
			groups.add(group.size());
			writing.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})) {
			writer.enqueue(entry(0));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			for (int i = 1; i <= 50; i++) {
				writer.enqueue(entry(i));
			}
			long queuedIn = System.nanoTime() - started;
			release.countDown();
			writer.flush();

			assertThat(TimeUnit.NANOSECONDS.toSeconds(queuedIn)).as("queueing waited for no database").isZero();
			assertThat(groups).containsExactly(1, 50);
		}
	}

	@Test
	void aGroupTheDatabaseRefusesIsTriedAgainAndNothingIsLost() {
		AtomicInteger refusals = new AtomicInteger(2);
		List<String> committed = Collections.synchronizedList(new ArrayList<>());
		try (AuditWriter writer = new AuditWriter(group -> {
			if (refusals.getAndDecrement() > 0) {
				throw new IllegalStateException("the database is busy");
			}
			group.forEach(e -> committed.add(e.actor()));
		})) {
			writer.enqueue(entry(1));
			writer.enqueue(entry(2));
			writer.flush();

			assertThat(committed).containsExactly("reader-1", "reader-2");
		}
	}

	@Test
	void closingWritesWhatIsQueuedAndLaterEntriesAreWrittenAtOnce() {
		List<String> committed = Collections.synchronizedList(new ArrayList<>());
		AuditWriter writer = new AuditWriter(group -> group.forEach(e -> committed.add(e.actor())));
		for (int i = 0; i < 20; i++) {
			writer.enqueue(entry(i));
		}

		writer.close();
		assertThat(committed).hasSize(20);
		writer.enqueue(entry(20));
		assertThat(committed).hasSize(21).endsWith("reader-20");
	}

}

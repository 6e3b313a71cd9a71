package org.khronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.publish.PreviewFigure;
import org.khronika.publish.Publication;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish",
		description = "Publishing: the figures the publication plan lists (catalog/publication.yaml), "
				+ "with small counts of persons and cases suppressed.",
		subcommands = { PublishCommand.Preview.class, PublishCommand.Snapshot.class, PublishCommand.Snapshots.class,
				PublishCommand.Changes.class, PublishCommand.Site.class, PublishCommand.Verify.class })
class PublishCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "snapshot",
			description = "Take a publication snapshot: every planned figure at the current log position, suppressed "
					+ "(what the last snapshot hid stays hidden), stored once and recorded in the log with its SHA-256. "
					+ "Needs an editor or admin account (--as).")
	static class Snapshot implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Mixin
		CommandLineActor actor;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				Actor publisher = this.actor.resolve(context.getBean(Accounts.class));
				org.khronika.publish.Snapshots.Snapshot taken = context.getBean(org.khronika.publish.Snapshots.class)
					.take(publisher);
				out.println("snapshot " + taken.id() + " as of " + taken.takenOn() + ", log position "
						+ taken.position() + ", sha256 " + taken.sha256());
			}
			catch (org.khronika.access.AccessRefused ex) {
				throw new Failures.CommandFailure("this account may not publish: an editor or admin may");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "site",
			description = "Write the static public site of a snapshot (the latest unless named): HTML and SVG in Russian "
					+ "and English with no script, the open data package, the prisoners list, the archive and its Atom "
					+ "feed, every file listed with its SHA-256 in manifest.txt, signed with the organisation's key.")
	static class Site implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot (default: the latest).")
		String snapshot;

		@Option(names = "--out", paramLabel = "DIR", required = true,
				description = "A new or empty directory to write the site into.")
		java.nio.file.Path out;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				org.khronika.publish.Snapshots snapshots = context.getBean(org.khronika.publish.Snapshots.class);
				String id = (this.snapshot != null) ? this.snapshot
						: snapshots.latest()
							.map(org.khronika.publish.Snapshots.Snapshot::id)
							.orElseThrow(() -> new Failures.CommandFailure(
									"there is no snapshot yet: take one with 'publish snapshot'"));
				java.util.SortedMap<String, byte[]> files;
				try {
					files = context.getBean(org.khronika.publish.Site.class).build(id);
				}
				catch (IllegalArgumentException ex) {
					throw new Failures.CommandFailure(ex.getMessage());
				}
				try {
					org.khronika.publish.SiteFiles.write(files, this.out);
				}
				catch (java.io.IOException ex) {
					throw new Failures.CommandFailure("the site could not be written: " + ex.getMessage());
				}
				long bytes = files.values().stream().mapToLong(file -> file.length).sum();
				out.println("site of snapshot " + id + " written to " + this.out + ": "
						+ Counts.of(files.size(), "file", "files") + ", " + Counts.of(bytes, "byte", "bytes")
						+ "; check it with 'publish verify " + this.out + "'");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "verify",
			description = "Check a published site or data package: the manifest's signature, and every file against "
					+ "its SHA-256. Needs no keyring and no data directory. Exits 1 if anything was changed, added or "
					+ "removed.")
	static class Verify implements Callable<Integer> {

		@picocli.CommandLine.Parameters(paramLabel = "DIR", description = "The site's directory.")
		java.nio.file.Path dir;

		@Option(names = "--key", paramLabel = "PEM",
				description = "The organisation's public key as you got it elsewhere (default: the key the site carries, "
						+ "whose fingerprint is printed for you to compare).")
		java.nio.file.Path key;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			if (!java.nio.file.Files.isDirectory(this.dir)) {
				throw new Failures.CommandFailure(java.nio.file.Files.exists(this.dir)
						? this.dir + " is a file: give the site's directory" : "no site directory at " + this.dir);
			}
			java.util.Optional<String> trusted = java.util.Optional.empty();
			if (this.key != null) {
				trusted = java.util.Optional.of(trustedKey(this.key));
			}
			List<String> problems;
			String fingerprint;
			try {
				problems = org.khronika.publish.SiteFiles.check(this.dir, trusted);
				java.nio.file.Path carried = this.dir.resolve(org.khronika.publish.SiteFiles.PUBLIC_KEY);
				fingerprint = java.nio.file.Files.isRegularFile(carried) ? org.khronika.crypto.PublicationSigner
					.fingerprint(trusted.orElse(java.nio.file.Files.readString(carried))) : "none";
			}
			catch (java.io.IOException | IllegalArgumentException ex) {
				throw new Failures.CommandFailure("the site cannot be read: " + ex.getMessage());
			}
			if (problems.isEmpty()) {
				out.println("verified: every file of " + this.dir + " is as signed by the key " + fingerprint);
				out.flush();
				return 0;
			}
			problems.forEach(problem -> out.println("FAILED: " + problem));
			out.flush();
			return 1;
		}

		/** The key given with {@code --key}, checked to be one. */
		private static String trustedKey(java.nio.file.Path file) {
			if (!java.nio.file.Files.isRegularFile(file)) {
				throw new Failures.CommandFailure("no key file at " + file);
			}
			try {
				String pem = java.nio.file.Files.readString(file);
				org.khronika.crypto.PublicationSigner.fingerprint(pem);
				return pem;
			}
			catch (java.io.IOException | IllegalArgumentException ex) {
				throw new Failures.CommandFailure(
						"the key " + file + " is not an Ed25519 public key in PEM, as 'publish site' writes it");
			}
		}

	}

	@Command(name = "snapshots",
			description = "List the publication snapshots, the latest first, each checked against its log entry "
					+ "(exit 1 if one does not match).")
	static class Snapshots implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			java.util.Map<org.khronika.publish.Snapshots.Snapshot, Boolean> verified;
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				verified = context.getBean(org.khronika.publish.Snapshots.class).verifyAll();
			}
			verified.forEach((snapshot, matches) -> out
				.println(snapshot.id() + "  " + snapshot.takenOn() + "  position " + snapshot.position() + "  "
						+ (matches ? "matches its log entry" : "DOES NOT MATCH its log entry")));
			out.flush();
			// for a script: 1 when any does not match, as verify-log
			return verified.containsValue(false) ? 1 : 0;
		}

	}

	@Command(name = "changes",
			description = "What moved between two snapshots (the latest two unless named): every count shown in both "
					+ "that differs, for example late-found cases in a past year. Counts suppressed in either are left out.")
	static class Changes implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--before", paramLabel = "ID", description = "The earlier snapshot.")
		String before;

		@Option(names = "--after", paramLabel = "ID", description = "The later snapshot.")
		String after;

		@Mixin
		Language language;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Locale locale = this.language.locale();
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				org.khronika.publish.Snapshots snapshots = context.getBean(org.khronika.publish.Snapshots.class);
				Publication publication = context.getBean(Publication.class);
				List<org.khronika.publish.Snapshots.Snapshot> all = snapshots.list();
				String later = (this.after != null) ? this.after : (all.isEmpty() ? null : all.get(0).id());
				String earlier = (this.before != null) ? this.before : (all.size() < 2 ? null : all.get(1).id());
				if (later == null || earlier == null) {
					throw new Failures.CommandFailure("two snapshots are needed: take one with 'publish snapshot'");
				}
				List<org.khronika.publish.Snapshots.Change> changes;
				try {
					changes = snapshots.changes(earlier, later);
				}
				catch (IllegalArgumentException ex) {
					throw new Failures.CommandFailure(ex.getMessage());
				}
				out.println(earlier + " → " + later + ": "
						+ (locale.getLanguage().equals("en") ? Counts.of(changes.size(), "count", "counts") + " moved"
								: "изменившихся чисел: " + changes.size()));
				for (org.khronika.publish.Snapshots.Change change : changes) {
					out.println(publication.describe(change.figure(), change.element(), locale) + ": " + change.before()
							+ " → " + change.after() + " (" + ((change.by() > 0) ? "+" : "") + change.by() + ")");
				}
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "preview",
			description = "Print every planned figure as it would be published now: counts from 1 to k - 1 "
					+ "as '< k', counts hidden beside them as 'x'. Counts the records the account (--as) may see.")
	static class Preview implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Mixin
		CommandLineActor actor;

		@Mixin
		Language language;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Locale locale = this.language.locale();
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				Actor reader = this.actor.resolve(context.getBean(Accounts.class));
				Publication publication = context.getBean(Publication.class);
				MessageSource messages = context.getBean(MessageSource.class);
				for (Publication.Table table : publication.preview(reader)) {
					PreviewFigure.of(publication, table, messages, locale).lines().forEach(out::println);
					out.println();
				}
			}
			out.flush();
			return 0;
		}

	}

}

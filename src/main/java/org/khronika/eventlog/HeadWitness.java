package org.khronika.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the log's signed heads are witnessed outside the database: {@value #FILE} beside
 * it, one line per chain ({@link Head#line}), replaced whole at every checkpoint. A log
 * cut or rewritten in the database behind the last head witnessed here no longer contains
 * it ({@link EventLog#problemWith}); one added to while Khronika was stopped ends past
 * it.
 */
public final class HeadWitness {

	/** The file's name in the data directory. */
	public static final String FILE = "log-head.txt";

	private final Path file;

	public HeadWitness(Path dataDirectory) {
		this.file = dataDirectory.resolve(FILE);
	}

	/** The head last witnessed for {@code chain}, if any. */
	public synchronized Optional<Head> read(Chain chain) {
		return Optional.ofNullable(heads().get(Head.code(chain)));
	}

	/** Witnesses {@code head}, replacing what was witnessed for its chain. */
	public synchronized void witness(Head head) {
		Map<String, Head> heads = heads();
		heads.put(Head.code(head.chain()), head);
		write(heads);
	}

	/**
	 * Marks the head witnessed for {@code chain} as where Khronika stopped ({@code true})
	 * or as running again; nothing if none is witnessed.
	 */
	public synchronized void stopped(Chain chain, boolean stopped) {
		Map<String, Head> heads = heads();
		Head head = heads.get(Head.code(chain));
		if (head != null && head.stopped() != stopped) {
			heads.put(Head.code(chain), head.stopped(stopped));
			write(heads);
		}
	}

	private Map<String, Head> heads() {
		Map<String, Head> heads = new LinkedHashMap<>();
		if (Files.exists(this.file)) {
			try {
				for (String line : Files.readAllLines(this.file, StandardCharsets.US_ASCII)) {
					if (!line.isBlank()) {
						Head head = Head.parse(line);
						heads.put(Head.code(head.chain()), head);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the witnessed log head " + this.file + " cannot be read", ex);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(this.file.getFileName() + " is damaged: " + ex.getMessage(), ex);
			}
		}
		return heads;
	}

	private void write(Map<String, Head> heads) {
		StringBuilder text = new StringBuilder();
		heads.values().forEach(head -> text.append(head.line()).append('\n'));
		try {
			Path temporary = this.file.resolveSibling(FILE + ".new");
			Files.writeString(temporary, text, StandardCharsets.US_ASCII);
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the log head could not be witnessed in " + this.file, ex);
		}
	}

}

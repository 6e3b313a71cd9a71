package org.khronika.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a staff server holds on its data directory while it runs, on the empty file
 * {@value #FILE}: a second server on the same directory would share its witnessed log
 * head, and on SQLite, stopping, would witness as where Khronika stopped a log that the
 * other still writes; should the other then end without a clean stop before its next
 * checkpoint, the next start would take its last entries for ones added outside Khronika
 * and refuse to start. The operating system lets the lock go when the process ends,
 * however it ends; the commands that run beside a server take none.
 */
final class ServerLock implements AutoCloseable {

	static final String FILE = "server.lock";

	private final FileChannel channel;

	private ServerLock(FileChannel channel) {
		this.channel = channel;
	}

	/**
	 * Takes the lock on {@code dir}.
	 * @throws Failures.CommandFailure if another server holds it, or it cannot be taken
	 */
	static ServerLock take(Path dir) {
		FileChannel channel = null;
		try {
			channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return new ServerLock(channel);
			}
		}
		catch (OverlappingFileLockException held) {
			// this process holds it already
		}
		catch (IOException ex) {
			close(channel);
			throw new Failures.CommandFailure("the data directory " + dir + " cannot be locked for the server ("
					+ ex.getClass().getSimpleName() + "): check that it may be written");
		}
		close(channel);
		throw new Failures.CommandFailure("another Khronika server runs on the data directory " + dir
				+ ": stop it first. A second node (on PostgreSQL) needs a data directory of its own, with a copy of "
				+ "keyring.json");
	}

	private static void close(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// a lock held through it goes when the process ends
			}
		}
	}

	/** Lets the lock go (closing its file releases it). */
	@Override
	public void close() {
		close(this.channel);
	}

}

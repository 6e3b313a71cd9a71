package org.khronika.eventlog;

/**
 * A write refused because writes to the log are stopped: the log does not extend the head
 * witnessed outside the database, or the deep check found tables that differ from it. The
 * message says which; nothing of the write was stored.
 */
public class WritesStopped extends IllegalStateException {

	public WritesStopped(String message) {
		super(message);
	}

}

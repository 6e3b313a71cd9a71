package org.khronika.cli;

import java.io.Console;
import java.util.Arrays;

/**
 * Secrets a command needs: from an environment variable, else typed twice at the console.
 */
final class Secrets {

	private Secrets() {
	}

	/**
	 * @return the secret, or null when the variable is unset and there is no console to
	 * ask on
	 * @throws IllegalArgumentException if the two typed entries differ
	 */
	static char[] fromEnvironmentOrPrompt(String variable, String prompt) {
		String value = System.getenv(variable);
		if (value != null && !value.isEmpty()) {
			return value.toCharArray();
		}
		Console console = System.console();
		if (console == null) {
			return null;
		}
		char[] first = console.readPassword("%s: ", prompt);
		char[] second = console.readPassword("%s (again): ", prompt);
		if (first == null || second == null || !Arrays.equals(first, second)) {
			throw new IllegalArgumentException("the two entries differ");
		}
		Arrays.fill(second, '\0');
		return first;
	}

	/** Shows a recovery key the one time it is ever shown, with what to do with it. */
	static void showRecoveryKey(java.io.PrintWriter out, String heading, org.khronika.crypto.RecoveryKey recovery) {
		out.println(heading);
		out.println();
		out.println("    " + recovery.display());
		out.println();
		out.println(
				"Write it down and keep it apart from the passphrase. If both are lost, the data cannot be recovered.");
	}

}

package org.khronika.access;

/**
 * The policy's answer: granted, or denied with a stable code. A refusal is a result, not
 * an exception.
 */
public sealed interface Permission {

	Permission GRANTED = new Granted();

	boolean isGranted();

	static Permission denied(String code) {
		return new Denied(code);
	}

	static Permission grantedIf(boolean condition, String deniedCode) {
		return condition ? GRANTED : new Denied(deniedCode);
	}

	record Granted() implements Permission {

		@Override
		public boolean isGranted() {
			return true;
		}

	}

	/**
	 * @param code a stable message code: {@code access.denied}, …
	 */
	record Denied(String code) implements Permission {

		@Override
		public boolean isGranted() {
			return false;
		}

	}

}

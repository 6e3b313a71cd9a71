package org.khronika.registry;

import java.util.List;

/** The registry's answer to a command: the events it causes, or a refusal. */
sealed interface Decision {

	record Accepted(List<RegistryEvent> events) implements Decision {

		public Accepted {
			events = List.copyOf(events);
		}

	}

	/**
	 * @param problems for {@link Refusal#INVALID}: what is wrong, field by field
	 */
	record Rejected(Refusal refusal, List<FieldProblem> problems) implements Decision {

		public Rejected {
			problems = List.copyOf(problems);
		}

		public Rejected(Refusal refusal) {
			this(refusal, List.of());
		}

	}

}

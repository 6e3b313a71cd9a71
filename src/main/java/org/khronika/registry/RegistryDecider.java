package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides commands against a record's current state: the lifecycle every kind shares (a
 * record exists once, is revised at the version edited, is never changed once shredded)
 * and then the record's kind's own rules. Pure: the context hands it the day, the catalog
 * and what it may read of other records.
 */
final class RegistryDecider {

	private RegistryDecider() {
	}

	/**
	 * @param state the record's current state, or null if it does not exist
	 */
	static Decision decide(RegistryCommand command, RecordState state, RuleContext context) {
		if (command instanceof RegistryCommand.Record record) {
			if (state != null) {
				return new Decision.Rejected(Refusal.EXISTS);
			}
			return checked(record.recordId(), record.details(), context,
					new RegistryEvent.Recorded(record.recordId(), record.details()));
		}
		if (command instanceof RegistryCommand.Revise revise) {
			Decision.Rejected refused = refusal(state, revise.expectedVersion());
			if (refused != null) {
				return refused;
			}
			return checked(revise.recordId(), revise.details(), context,
					new RegistryEvent.Revised(revise.recordId(), revise.details()));
		}
		if (command instanceof RegistryCommand.Shred shred) {
			if (state == null) {
				return new Decision.Rejected(Refusal.NOT_FOUND);
			}
			if (state.shredded()) {
				return new Decision.Rejected(Refusal.SHREDDED);
			}
			return new Decision.Accepted(List.of(new RegistryEvent.Shredded(shred.recordId())));
		}
		if (command instanceof RegistryCommand.Share share) {
			if (state == null) {
				return new Decision.Rejected(Refusal.NOT_FOUND);
			}
			if (state.version() != share.expectedVersion()) {
				return new Decision.Rejected(Refusal.STALE);
			}
			return new Decision.Accepted(
					List.of(new RegistryEvent.AccessSet(share.recordId(), share.restricted(), share.users())));
		}
		throw new IllegalArgumentException("no decision for " + command.getClass().getSimpleName());
	}

	/**
	 * Decides a link between two person records (link, unlink, or say they are not one
	 * person) over both records' states and whether the pair is linked now.
	 * @param person the state of the record the command names, or null
	 * @param other the state of the other record, or null
	 */
	static Decision decideLink(RegistryCommand command, RecordState person, RecordState other, boolean linked) {
		if (person == null || other == null) {
			return new Decision.Rejected(Refusal.NOT_FOUND);
		}
		if (person.id().equals(other.id())) {
			return new Decision.Rejected(Refusal.INVALID, List.of(FieldProblem.of("with", "link_self")));
		}
		if (command instanceof RegistryCommand.Link link) {
			if (person.shredded() || other.shredded()) {
				return new Decision.Rejected(Refusal.SHREDDED);
			}
			return linked ? new Decision.Rejected(Refusal.EXISTS)
					: new Decision.Accepted(List.of(new RegistryEvent.Linked(link.recordId(), link.other())));
		}
		if (command instanceof RegistryCommand.Unlink unlink) {
			return linked
					? new Decision.Accepted(List.of(new RegistryEvent.Unlinked(unlink.recordId(), unlink.other())))
					: new Decision.Rejected(Refusal.NOT_FOUND);
		}
		if (command instanceof RegistryCommand.RejectLink reject) {
			return linked ? new Decision.Rejected(Refusal.EXISTS)
					: new Decision.Accepted(List.of(new RegistryEvent.LinkRejected(reject.recordId(), reject.other())));
		}
		throw new IllegalArgumentException("not a link command: " + command.getClass().getSimpleName());
	}

	private static Decision.Rejected refusal(RecordState state, int expectedVersion) {
		if (state == null) {
			return new Decision.Rejected(Refusal.NOT_FOUND);
		}
		if (state.shredded()) {
			return new Decision.Rejected(Refusal.SHREDDED);
		}
		if (state.version() != expectedVersion) {
			return new Decision.Rejected(Refusal.STALE);
		}
		return null;
	}

	/**
	 * The event, unless the details' codes are unknown or they break their kind's rules.
	 */
	private static Decision checked(RecordId id, RecordDetails details, RuleContext context, RegistryEvent event) {
		Kind<RecordDetails> kind = Kinds.of(details);
		List<FieldProblem> problems = new ArrayList<>(kind.catalogProblems(details, context.catalog()));
		problems.addAll(kind.rules(details, id, context));
		return problems.isEmpty() ? new Decision.Accepted(List.of(event))
				: new Decision.Rejected(Refusal.INVALID, problems);
	}

}

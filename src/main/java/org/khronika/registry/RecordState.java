package org.khronika.registry;

/**
 * A record's state as its events leave it: its version (one per event), its latest
 * details and whether it has been shredded. A record that does not exist yet has no state
 * (null).
 */
record RecordState(RecordId id, int version, RecordDetails details, boolean shredded) {

	/** Folds one event into the state; {@code state} is null before the first event. */
	static RecordState evolve(RecordState state, RegistryEvent event) {
		int version = (state != null) ? state.version() + 1 : 1;
		if (event instanceof RegistryEvent.PersonShredded) {
			return new RecordState(event.recordId(), version, (state != null) ? state.details() : null, true);
		}
		if (event instanceof RegistryEvent.AccessSet) {
			return new RecordState(event.recordId(), version, (state != null) ? state.details() : null,
					state != null && state.shredded());
		}
		if (event instanceof RegistryEvent.WithDetails withDetails) {
			return new RecordState(event.recordId(), version, withDetails.details(), state != null && state.shredded());
		}
		throw new IllegalArgumentException("no evolution for " + event.getClass().getSimpleName());
	}

}

package org.khronika.registry;

/**
 * A record's state as its events leave it, as far as deciding needs it: its version (one
 * per event that changes the record; links between persons change neither) and whether it
 * has been shredded. A record that does not exist yet has no state (null).
 */
record RecordState(RecordId id, int version, boolean shredded) {

	/** Folds one event into the state; {@code state} is null before the first event. */
	static RecordState evolve(RecordState state, RegistryEvent event) {
		if (event instanceof RegistryEvent.Linked || event instanceof RegistryEvent.Unlinked
				|| event instanceof RegistryEvent.LinkRejected) {
			// a link relates two records and changes neither: their versions stay
			return state;
		}
		int version = (state != null) ? state.version() + 1 : 1;
		boolean shredded = state != null && state.shredded();
		if (event instanceof RegistryEvent.Shredded) {
			return new RecordState(event.recordId(), version, true);
		}
		if (event instanceof RegistryEvent.AccessSet || event instanceof RegistryEvent.WithDetails) {
			return new RecordState(event.recordId(), version, shredded);
		}
		throw new IllegalArgumentException("no evolution for " + event.getClass().getSimpleName());
	}

}

package org.khronika.registry;

import java.util.Objects;

/**
 * One field of a kind of record, as forms, the API, profiles, pages and the log know it.
 * Each kind lists its fields once; everything that reads, stores, checks or shows a
 * record goes through that list.
 *
 * @param name the field's name in forms, the API and import profiles
 * @param stored its name in the log's public or sealed part (usually {@code name})
 * @param sealed whether it is stored only encrypted, under the record's own key: whatever
 * names or describes a person
 * @param required whether a record needs it
 * @param requiredCode the message code when it is missing ({@code required} unless told)
 * @param vocabulary for {@link FieldType#TERM}: the catalog vocabulary of its codes,
 * which also labels the field
 * @param target for references: the kind of record referred to
 * @param max for text: the most characters of one value
 */
public record Field(String name, String stored, FieldType type, boolean sealed, boolean required, String requiredCode,
		String vocabulary, RecordKind target, int max) {

	/** The most characters of a one-line text. */
	public static final int SHORT = 300;

	/** The most characters of free text. */
	public static final int LONG = 20_000;

	public Field {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(stored, "stored");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(requiredCode, "requiredCode");
		if ((type == FieldType.TERM) != (vocabulary != null)) {
			throw new IllegalArgumentException(name + ": a term field, and only one, names its vocabulary");
		}
		if ((type == FieldType.REFERENCE || type == FieldType.REFERENCES) != (target != null)) {
			throw new IllegalArgumentException(name + ": a reference, and only one, names its target kind");
		}
	}

	/** A public, optional field of {@code type}. */
	static Field of(String name, FieldType type) {
		int max = (type == FieldType.LONG_TEXT) ? LONG : SHORT;
		return new Field(name, name, type, false, false, "required", null, null, max);
	}

	/** A public, optional field of codes of {@code vocabulary}. */
	static Field term(String name, String vocabulary) {
		return new Field(name, name, FieldType.TERM, false, false, "required", vocabulary, null, SHORT);
	}

	/** A reference to one record of {@code target}, or (list) to several. */
	static Field reference(String name, RecordKind target, boolean list) {
		return new Field(name, name, list ? FieldType.REFERENCES : FieldType.REFERENCE, false, false, "required", null,
				target, 64);
	}

	Field sealedField() {
		return new Field(this.name, this.stored, this.type, true, this.required, this.requiredCode, this.vocabulary,
				this.target, this.max);
	}

	Field requiredField() {
		return new Field(this.name, this.stored, this.type, this.sealed, true, this.requiredCode, this.vocabulary,
				this.target, this.max);
	}

	Field requiredAs(String code) {
		return new Field(this.name, this.stored, this.type, this.sealed, true, code, this.vocabulary, this.target,
				this.max);
	}

	Field storedAs(String storedName) {
		return new Field(this.name, storedName, this.type, this.sealed, this.required, this.requiredCode,
				this.vocabulary, this.target, this.max);
	}

	Field atMost(int characters) {
		return new Field(this.name, this.stored, this.type, this.sealed, this.required, this.requiredCode,
				this.vocabulary, this.target, characters);
	}

	/** Whether the field refers to other records. */
	public boolean isReference() {
		return this.target != null;
	}

}

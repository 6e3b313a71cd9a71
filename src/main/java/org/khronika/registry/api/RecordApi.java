package org.khronika.registry.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.khronika.access.Actor;
import org.khronika.registry.Field;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.FieldType;
import org.khronika.registry.FieldValues;
import org.khronika.registry.ListQuery;
import org.khronika.registry.Page;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Refusal;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/persons}, {@code /incidents}, {@code /cases}, {@code /case-events},
 * {@code /sources}: list (paged, filtered and sorted as the pages are), get, create
 * (POST, 201) and update (PUT with the edited {@code version}, 409 if it is stale).
 * Records have the same field names as the forms. Errors are RFC 9457 problem details
 * ({@link ApiProblems}): 400 for a body that cannot be read as the kind's fields, 422
 * with every problem for one that breaks a rule.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class RecordApi {

	private static final String KINDS = "{plural:persons|incidents|cases|case-events|sources}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Registry registry;

	RecordApi(Registry registry) {
		this.registry = registry;
	}

	@GetMapping("/" + KINDS)
	Map<String, Object> list(@PathVariable String plural, @RequestParam Map<String, String> parameters, Actor actor) {
		ListQuery query = ListQuery.parse(kind(plural), parameters, 50);
		Page<RecordView> records = this.registry.list(actor, query, true).page();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", records.items().stream().map(RecordApi::representation).toList());
		body.put("page", records.page());
		body.put("size", records.size());
		body.put("total", records.total());
		body.put("totalExact", records.exact());
		return body;
	}

	@GetMapping("/" + KINDS + "/{id}")
	Map<String, Object> get(@PathVariable String plural, @PathVariable String id, Actor actor) {
		return representation(find(actor, kind(plural), id));
	}

	@PostMapping(path = "/" + KINDS, consumes = MediaType.ALL_VALUE)
	ResponseEntity<Object> create(@PathVariable String plural, @RequestBody(required = false) String body,
			Actor actor) {
		RecordKind kind = kind(plural);
		if (!this.registry.mayCreate(actor, kind)) {
			throw ApiProblem.refused(Refusal.DENIED);
		}
		RecordDraft draft = read(actor, kind, parse(body));
		SaveResult result = this.registry.record(actor, draft);
		if (result instanceof SaveResult.Refused refused) {
			throw ApiProblem.refused(refused);
		}
		SaveResult.Saved saved = (SaveResult.Saved) result;
		RecordView record = this.registry.read(actor, saved.id()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/" + plural + "/" + saved.id())).body(representation(record));
	}

	@PutMapping(path = "/" + KINDS + "/{id}", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Object> update(@PathVariable String plural, @PathVariable String id,
			@RequestBody(required = false) String body, Actor actor) {
		RecordKind kind = kind(plural);
		RecordView current = find(actor, kind, id);
		if (!this.registry.mayEdit(actor, current.id())) {
			throw ApiProblem.refused(Refusal.DENIED);
		}
		Map<String, Object> json = parse(body);
		Object version = json.get("version");
		RecordDraft draft = read(actor, kind, json);
		if (!(version instanceof Integer)) {
			throw ApiProblem.unreadable(List.of(FieldProblem.of("version", "version_required")));
		}
		SaveResult result = this.registry.revise(actor, current.id(), (Integer) version, draft);
		if (result instanceof SaveResult.Refused refused) {
			throw ApiProblem.refused(refused);
		}
		return ResponseEntity.ok(representation(this.registry.read(actor, current.id()).orElseThrow()));
	}

	/**
	 * The draft in {@code json}; a value of the wrong JSON type or an unknown field is
	 * answered 400, with the problems the draft's other fields have beside it.
	 */
	private RecordDraft read(Actor actor, RecordKind kind, Map<String, Object> json) {
		RecordDraft.Read read = RecordDraft.fromJson(kind, json);
		if (!read.problems().isEmpty()) {
			throw ApiProblem
				.unreadable(this.registry.validator().validate(actor, read.draft(), read.problems()).problems());
		}
		return read.draft();
	}

	private static Map<String, Object> parse(String body) {
		if (body == null || body.isBlank()) {
			throw ApiProblem.malformed();
		}
		try {
			Object parsed = JSON.readValue(body, new TypeReference<Object>() {
			});
			if (parsed instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> object = (Map<String, Object>) map;
				return object;
			}
		}
		catch (JacksonException ex) {
			// answered below, without echoing the body
		}
		throw ApiProblem.malformed();
	}

	private RecordView find(Actor actor, RecordKind kind, String id) {
		UUID uuid = RecordId.parseUuid(id).orElseThrow(() -> ApiProblem.refused(Refusal.NOT_FOUND));
		return this.registry.read(actor, kind.id(uuid)).orElseThrow(() -> ApiProblem.refused(Refusal.NOT_FOUND));
	}

	private static RecordKind kind(String plural) {
		return RecordKind.ofPlural(plural).orElseThrow(() -> ApiProblem.refused(Refusal.NOT_FOUND));
	}

	/**
	 * A record as the API shows it: every field of its kind by name (null, false or an
	 * empty list when it has no value); for a reader of public fields only, the sealed
	 * fields are left out and {@code redacted} is true; if they do not open (they were
	 * changed outside Khronika), they are left out for every reader and
	 * {@code unreadable} is true as well.
	 */
	static Map<String, Object> representation(RecordView record) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", record.id().toString());
		body.put("version", record.version());
		body.put("shredded", record.shredded());
		if (record.redacted()) {
			body.put("redacted", true);
		}
		if (record.unreadable()) {
			body.put("unreadable", true);
		}
		FieldValues values = record.values();
		for (Field field : record.kind().fields()) {
			if (record.redacted() && field.sealed()) {
				continue;
			}
			Object value = values.get(field.name());
			if (field.type().isList()) {
				List<String> items = new ArrayList<>();
				values.all(field.name()).forEach(item -> items.add(item.toString()));
				body.put(field.name(), items);
			}
			else if (value instanceof Number || value instanceof Boolean) {
				body.put(field.name(), value);
			}
			else {
				body.put(field.name(),
						(value != null) ? value.toString() : (field.type() == FieldType.FLAG) ? Boolean.FALSE : null);
			}
		}
		body.put("createdAt", record.createdAt().toString());
		body.put("createdBy", record.createdBy());
		body.put("updatedAt", record.updatedAt().toString());
		body.put("updatedBy", record.updatedBy());
		return body;
	}

}

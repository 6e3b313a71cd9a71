package org.khronika.registry.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.khronika.access.Actor;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.InputReader;
import org.khronika.registry.Page;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordInput;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.Validated;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * {@code /sources}: list (paged), get, create (POST, 201) and update (PUT with the edited
 * {@code version}, 409 if it is stale). Records have the same field names as the forms.
 * Errors are RFC 9457 problem details; a validation error lists every bad field.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class RecordApi {

	private static final String KINDS = "{plural:persons|incidents|cases|case-events|sources}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Registry registry;

	private final RecordValidator validator;

	private final MessageSource messages;

	RecordApi(Registry registry, RecordValidator validator, MessageSource messages) {
		this.registry = registry;
		this.validator = validator;
		this.messages = messages;
	}

	@GetMapping("/" + KINDS)
	Map<String, Object> list(@PathVariable String plural, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Actor actor) {
		Page<RecordView> records = this.registry.list(actor, kind(plural), page, size).page();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", records.items().stream().map(RecordApi::representation).toList());
		body.put("page", records.page());
		body.put("size", records.size());
		body.put("total", records.total());
		return body;
	}

	@GetMapping("/" + KINDS + "/{id}")
	Map<String, Object> get(@PathVariable String plural, @PathVariable String id, Actor actor) {
		return representation(find(actor, kind(plural), id));
	}

	@PostMapping(path = "/" + KINDS, consumes = MediaType.ALL_VALUE)
	ResponseEntity<Object> create(@PathVariable String plural, @RequestBody(required = false) String body, Actor actor,
			HttpServletRequest request) {
		RecordKind kind = kind(plural);
		if (!this.registry.mayCreate(actor, kind)) {
			throw denied();
		}
		List<FieldProblem> readProblems = new ArrayList<>();
		Validated<?> validated = this.validator.validate(actor, InputReader.fromJson(kind, parse(body), readProblems),
				readProblems);
		if (!validated.isValid()) {
			return invalid(validated.problems(), request);
		}
		SaveResult result = this.registry.record(actor, validated.details());
		if (result instanceof SaveResult.Refused refused) {
			throw refusal(refused, request);
		}
		SaveResult.Saved saved = (SaveResult.Saved) result;
		RecordView record = this.registry.read(actor, saved.id()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/" + plural + "/" + saved.id())).body(representation(record));
	}

	@PutMapping(path = "/" + KINDS + "/{id}", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Object> update(@PathVariable String plural, @PathVariable String id,
			@RequestBody(required = false) String body, Actor actor, HttpServletRequest request) {
		RecordKind kind = kind(plural);
		RecordView current = find(actor, kind, id);
		if (!this.registry.mayEdit(actor, current.id())) {
			throw denied();
		}
		Map<String, Object> json = parse(body);
		List<FieldProblem> readProblems = new ArrayList<>();
		Validated<?> validated = this.validator.validate(actor, InputReader.fromJson(kind, json, readProblems),
				readProblems);
		List<FieldProblem> problems = new ArrayList<>(validated.problems());
		Object version = json.get("version");
		if (!(version instanceof Integer)) {
			problems.add(FieldProblem.of("version", "version_required"));
		}
		if (!problems.isEmpty()) {
			return invalid(problems, request);
		}
		SaveResult result = this.registry.revise(actor, current.id(), (Integer) version, validated.details());
		if (result instanceof SaveResult.Refused refused) {
			throw refusal(refused, request);
		}
		return ResponseEntity.ok(representation(this.registry.read(actor, current.id()).orElseThrow()));
	}

	private ApiProblem refusal(SaveResult.Refused refused, HttpServletRequest request) {
		return switch (refused.code()) {
			case "record.not_found" -> notFound();
			case "access.denied" -> denied();
			case "record.stale" ->
				new ApiProblem(HttpStatus.CONFLICT, refused.code(), message(refused.code(), List.of(), request));
			case "record.shredded" -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, refused.code(),
					message("record.shredded.refused", List.of(), request));
			default -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, refused.code(),
					message(refused.code(), List.of(), request));
		};
	}

	private static ApiProblem denied() {
		return new ApiProblem(HttpStatus.FORBIDDEN, "access.denied", "Your role may not do this.");
	}

	private ResponseEntity<Object> invalid(List<FieldProblem> problems, HttpServletRequest request) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldProblem problem : problems) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", problem.field());
			error.put("code", problem.code());
			error.put("message", message(problem.messageCode(), problem.arguments(), request));
			errors.add(error);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", "Invalid input");
		body.put("status", 400);
		body.put("code", "validation");
		body.put("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private String message(String code, List<Object> arguments, HttpServletRequest request) {
		return this.messages.getMessage(code, arguments.toArray(), code, ApiProblems.locale(request));
	}

	private static Map<String, Object> parse(String body) {
		if (body == null || body.isBlank()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed", "The request body must be a JSON object.");
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
			// reported below, without echoing the body
		}
		throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed", "The request body must be a JSON object.");
	}

	private RecordView find(Actor actor, RecordKind kind, String id) {
		UUID uuid = RecordId.parseUuid(id).orElseThrow(() -> notFound());
		return this.registry.read(actor, kind.id(uuid)).orElseThrow(RecordApi::notFound);
	}

	private static ApiProblem notFound() {
		return new ApiProblem(HttpStatus.NOT_FOUND, "record.not_found", "There is no such record.");
	}

	private static RecordKind kind(String plural) {
		return RecordKind.ofPlural(plural).orElseThrow(RecordApi::notFound);
	}

	static Map<String, Object> representation(RecordView record) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", record.id().toString());
		body.put("version", record.version());
		body.put("shredded", record.shredded());
		Map<String, Object> values = new LinkedHashMap<>(InputReader.values(RecordInput.of(record.details())));
		if (record.redacted()) {
			// a public-only reader gets the public fields and nothing that stands for the
			// rest
			values.keySet().removeAll(RecordInput.sealedNames(record.kind()));
			body.put("redacted", true);
		}
		body.putAll(values);
		body.put("createdAt", record.createdAt().toString());
		body.put("createdBy", record.createdBy());
		body.put("updatedAt", record.updatedAt().toString());
		body.put("updatedBy", record.updatedBy());
		return body;
	}

}

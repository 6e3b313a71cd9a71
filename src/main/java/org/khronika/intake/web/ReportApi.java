package org.khronika.intake.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.khronika.intake.Attachment;
import org.khronika.intake.InvalidReport;
import org.khronika.intake.Receipt;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.Reports;
import org.khronika.web.ProblemDocuments;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/reports}: reports from a messenger bot or a partner organisation,
 * under an intake token (it names no account and may do nothing else). The body has the
 * public form's fields as JSON, its files as a list of {@code name}, {@code type} and
 * {@code content} in Base64; the report is sealed and queued like one from the form,
 * marked as from the API, and the answer carries its receipt, for the bot to hand to its
 * user. Refusals are problem documents naming each field at fault.
 */
@RestController
class ReportApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> FIELDS = Set.of("what", "date", "region", "place", "person", "relation",
			"denounced", "informant", "accused", "hasLawyer", "needsLawyer", "contact", "text", "files");

	private final Reports reports;

	private final ProblemDocuments problems;

	/**
	 * Reports a minute per token: a bot passes on many reporters, but a leaked token must
	 * not flood the queue until it is revoked.
	 */
	private final AddressThrottle perToken;

	ReportApi(Reports reports, ProblemDocuments problems, java.time.Clock clock,
			org.khronika.intake.IntakeSettings settings) {
		this.reports = reports;
		this.problems = problems;
		this.perToken = new AddressThrottle(settings.apiReportsPerMinute(), clock);
	}

	@PostMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> submit(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		Locale locale = ProblemDocuments.locale(request);
		String token = (authorization != null && authorization.startsWith("Bearer "))
				? authorization.substring("Bearer ".length()).strip() : null;
		if (token == null || !this.reports.intakeToken(token)) {
			return this.problems.answer(HttpStatus.UNAUTHORIZED, "auth.required", List.of(), request);
		}
		if (!this.perToken.tryAcquire(token)) {
			return this.problems.answer(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", List.of(), request);
		}
		Map<String, Object> given;
		try {
			given = JSON.readValue((body != null) ? body : "", new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return this.problems.answer(HttpStatus.BAD_REQUEST, "malformed", List.of(), request);
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (String field : given.keySet()) {
			if (!FIELDS.contains(field)) {
				errors.add(error(field, "unknown_field", "problem.unknown_field", locale));
			}
		}
		LocalDate date = null;
		Object day = given.get("date");
		if (day != null) {
			try {
				date = LocalDate.parse(day.toString());
			}
			catch (DateTimeParseException ex) {
				errors.add(error("date", "date", "report.problem.date", locale));
			}
		}
		List<Attachment> files = files(given.get("files"), errors, locale);
		if (!errors.isEmpty()) {
			return this.problems.answer(HttpStatus.BAD_REQUEST, "validation", errors, request);
		}
		ReportAnswers answers = new ReportAnswers(text(given, "what"), date, text(given, "region"),
				text(given, "place"), text(given, "person"), text(given, "relation"), text(given, "denounced"),
				text(given, "informant"), text(given, "accused"), text(given, "hasLawyer"),
				Boolean.TRUE.equals(given.get("needsLawyer")), text(given, "contact"), text(given, "text"));
		try {
			Receipt receipt = this.reports.submit(answers, files, Reports.Channel.API);
			Map<String, Object> created = new LinkedHashMap<>();
			created.put("receipt", receipt.display());
			created.put("state", "received");
			return ResponseEntity.status(201).body(created);
		}
		catch (InvalidReport ex) {
			ex.problems()
				.forEach(p -> errors
					.add(error(p.field(), p.code().replace("report.problem.", ""), p.code(), locale, p.arguments())));
			return this.problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "report.invalid", errors, request);
		}
	}

	/**
	 * The files of a report handed in through the API: a list of objects, each with the
	 * file's {@code name}, media {@code type} and {@code content} in Base64. What cannot
	 * be read goes to {@code errors}, by its place in the list.
	 */
	private List<Attachment> files(Object listed, List<Map<String, Object>> errors, Locale locale) {
		List<Attachment> files = new ArrayList<>();
		if (listed == null) {
			return files;
		}
		if (!(listed instanceof List<?> list)) {
			errors.add(error("files", "malformed_files", "api.files.malformed", locale));
			return files;
		}
		for (int index = 0; index < list.size(); index++) {
			if (list.get(index) instanceof Map<?, ?> file && file.get("content") instanceof String content) {
				try {
					files.add(new Attachment(string(file.get("name")), string(file.get("type")),
							Base64.getDecoder().decode(content)));
				}
				catch (IllegalArgumentException ex) {
					errors.add(error("files[" + index + "].content", "malformed_file", "api.files.notBase64", locale));
				}
			}
			else {
				errors.add(error("files[" + index + "]", "malformed_file", "api.files.malformed", locale));
			}
		}
		return files;
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private Map<String, Object> error(String field, String code, String messageKey, Locale locale,
			Object... arguments) {
		return this.problems.error(field, code, messageKey, arguments, locale);
	}

	private static String text(Map<String, Object> given, String field) {
		Object value = given.get(field);
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

}

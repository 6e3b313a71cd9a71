package org.khronika.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.search.Search;
import org.khronika.web.ProblemDocuments;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=…&kind=…&page=…&size=…} and the facets as parameters
 * ({@code region}, {@code year}, {@code article}, {@code status}, {@code role}): the
 * records the caller may see that match, with their kind, title and page, the total, the
 * facets' counts and how many words of {@code q} were left out, past the most a search
 * looks for. The same rules as the results page; audited the same way. A bad parameter is
 * a 400 problem document naming it. 503 while the index is being built.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchApi {

	private final Search search;

	private final Catalog catalog;

	private final MessageSource messages;

	private final ProblemDocuments problems;

	SearchApi(Search search, Catalog catalog, MessageSource messages, ProblemDocuments problems) {
		this.search = search;
		this.catalog = catalog;
		this.messages = messages;
		this.problems = problems;
	}

	@GetMapping("/search")
	ResponseEntity<?> search(@RequestParam(name = "q", defaultValue = "") String text,
			@RequestParam Map<String, String> parameters, Actor actor, Locale locale, HttpServletRequest request) {
		SearchPage.SearchParameters asked = SearchPage.SearchParameters.of("", text, parameters, this.catalog);
		String sizeText = parameters.getOrDefault("size", "20");
		boolean sizeValid = sizeText.matches("[0-9]{1,3}") && Integer.parseInt(sizeText) >= 1
				&& Integer.parseInt(sizeText) <= Search.Request.MAX_SIZE;
		if (sizeValid) {
			asked = asked.pagedWithin(Integer.parseInt(sizeText));
		}
		if (asked.problem() != null || !sizeValid) {
			String parameter = (asked.problem() == null) ? "size" : asked.problemField();
			String message = (asked.problem() == null) ? "search.badSize" : asked.problem();
			String detail = this.messages.getMessage(message,
					new Object[] { message.equals("search.badSize") ? Search.Request.MAX_SIZE : Search.MOST_PAGED },
					ProblemDocuments.locale(request));
			// the codes a list's parameters are refused with
			String code = (parameter.equals("kind") || SearchPage.SearchParameters.FACETS.contains(parameter))
					? "unknown_value"
					: parameters.getOrDefault(parameter, "0").matches("[0-9]+") ? "out_of_range" : "not_a_number";
			ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "invalid_query", request);
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(Map.of("field", parameter, "code", code, "message", detail)));
			return ProblemDocuments.answer(problem);
		}
		Search.Result result = this.search.search(actor, asked.request(Integer.parseInt(sizeText)));
		if (!result.ready()) {
			ProblemDetail problem = this.problems.of(HttpStatus.SERVICE_UNAVAILABLE, "search_index_building", request);
			problem.setDetail(this.messages.getMessage("search.building",
					new Object[] { result.indexed(), result.toIndex() }, ProblemDocuments.locale(request)));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", "5")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle")
			.withIsoDates();
		labels.know(result.listing().referenced());
		List<Map<String, Object>> items = new ArrayList<>();
		for (RecordView record : result.listing().page().items()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", record.id().toString());
			item.put("kind", record.kind().code());
			item.put("title", labels.title(record));
			item.put("details", labels.details(record));
			item.put("href", "/api/v1" + RecordLabels.href(record.id()));
			if (record.redacted()) {
				item.put("redacted", true);
			}
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("page", result.listing().page().page());
		body.put("size", result.listing().page().size());
		body.put("total", result.total());
		body.put("wordsLeftOut", result.leftOut());
		Map<String, Object> facets = new LinkedHashMap<>();
		result.facets()
			.forEach((facet, values) -> facets.put(facet,
					values.stream().map(v -> Map.of("value", v.value(), "count", v.count())).toList()));
		body.put("facets", facets);
		return ResponseEntity.ok(body);
	}

}

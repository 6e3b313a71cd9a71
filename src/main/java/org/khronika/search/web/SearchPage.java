package org.khronika.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.ListExport;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.search.Highlights;
import org.khronika.search.Search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The results page: what the reader may see that matches, best first, a page at a time,
 * the found words marked, and the facets as links that narrow the results (and a link
 * that widens them again). Works without JavaScript; the search box in every page's
 * header posts here.
 *
 * <p>
 * What was searched for is a name, so it never goes into a URL (browser history, a
 * proxy's log): the box posts it, the session keeps it under a random token, and the
 * results, their pages and facets are links that carry only the token.
 */
@Controller
class SearchPage {

	static final int PAGE_SIZE = 20;

	private final Search search;

	private final Catalog catalog;

	private final MessageSource messages;

	/** The most rows a search exports at once. */
	private final int mostExported;

	SearchPage(Search search, Catalog catalog, MessageSource messages,
			@Value("${khronika.export.most-rows:" + ListExport.MOST_ROWS + "}") int mostExported) {
		this.mostExported = mostExported;
		this.search = search;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** One found record as the page shows it. */
	record Row(String href, String kind, List<Highlights.Segment> title, List<String> details) {
	}

	/** A facet value as a link: selecting it narrows, selecting it again widens. */
	record FacetLink(String label, long count, String href, boolean selected) {
	}

	record FacetGroup(String name, List<FacetLink> values) {
	}

	/** Keeps what was searched for in the session, and shows its results. */
	@PostMapping("/search")
	String ask(@RequestParam(name = "q", defaultValue = "") String text,
			@RequestParam(name = "kind", defaultValue = "") String kind, HttpSession session) {
		if (text.isBlank()) {
			return "redirect:/search";
		}
		String token = SearchTexts.of(session).keep(text.strip());
		return "redirect:" + UriComponentsBuilder.fromPath("/search")
			.queryParam("s", token)
			.queryParamIfPresent("kind", Optional.of(kind).filter(k -> !k.isBlank()))
			.encode()
			.build()
			.toUriString();
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "s", defaultValue = "") String token,
			@RequestParam Map<String, String> parameters, Actor actor, Model model, Locale locale,
			HttpSession session) {
		Optional<String> text = token.isEmpty() ? Optional.of("") : SearchTexts.of(session).get(token);
		SearchParameters asked = SearchParameters.of(token, text.orElse(""), parameters, this.catalog)
			.pagedWithin(PAGE_SIZE);
		// words in the address (a bookmark, a browser's search shortcut) are never
		// searched for from there, as history and logs keep addresses: they fill the
		// field, and the page says to press the button
		String inAddress = parameters.getOrDefault("q", "").strip();
		boolean fromAddress = token.isEmpty() && !inAddress.isEmpty();
		model.addAttribute("q", fromAddress ? inAddress : asked.text());
		model.addAttribute("fromAddress", fromAddress);
		model.addAttribute("mostPaged", Search.MOST_PAGED);
		model.addAttribute("problem", text.isEmpty() ? "search.expired" : asked.problem());
		if (text.isEmpty() || asked.problem() != null || asked.text().isBlank()) {
			model.addAttribute("searched", false);
			return "search/page";
		}
		Search.Result result = this.search.search(actor, asked.request(PAGE_SIZE));
		model.addAttribute("searched", true);
		model.addAttribute("ready", result.ready());
		model.addAttribute("indexed", result.indexed());
		model.addAttribute("toIndex", result.toIndex());
		model.addAttribute("leftOut", result.leftOut());
		model.addAttribute("mostWords", Search.Result.MOST_WORDS);
		if (!result.ready()) {
			model.addAttribute("refreshSeconds", 3);
		}
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle");
		labels.know(result.listing().referenced());
		List<Row> rows = new ArrayList<>();
		for (RecordView record : result.listing().page().items()) {
			rows.add(new Row(RecordLabels.href(record.id()), labels.message("kind." + record.kind().code() + ".one"),
					result.highlights().segments(labels.title(record)), labels.details(record)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("records", result.listing().page());
		model.addAttribute("facets", facets(result, asked, labels));
		model.addAttribute("widen",
				(asked.kind() != null || !asked.facets().isEmpty()) ? asked.link(null, null, false) : null);
		int page = asked.page();
		model.addAttribute("previousHref", (page > 0) ? asked.page(page - 1) : null);
		boolean more = result.listing().page().hasNext();
		boolean paged = SearchParameters.reachable(page + 1, PAGE_SIZE);
		model.addAttribute("nextHref", (more && paged) ? asked.page(page + 1) : null);
		model.addAttribute("pagedOut", more && !paged);
		model.addAttribute("csvHref", asked.export(ListExport.Format.CSV));
		model.addAttribute("xlsxHref", asked.export(ListExport.Format.XLSX));
		// more found than a file holds: said in place of the links (and when a file was
		// refused because more were found since the page was shown)
		model.addAttribute("exportRefused",
				parameters.containsKey(ListExport.REFUSED) || result.total() > this.mostExported);
		model.addAttribute("mostExported", this.mostExported);
		return "search/page";
	}

	/**
	 * What a search found, every page of it as the reader may see it, as a CSV or XLSX
	 * file: kind, title and details, in one read audited as an exported search. Refused
	 * while the index is being built, and past the most rows a file holds
	 * ({@code khronika.export.most-rows}), nothing read: the reader is sent back to the
	 * search, which says why.
	 */
	@GetMapping(path = "/search", params = "export")
	ResponseEntity<byte[]> export(@RequestParam(name = "s", defaultValue = "") String token,
			@RequestParam Map<String, String> parameters, Actor actor, Locale locale, HttpSession session) {
		ListExport.Format format = ListExport.Format.of(parameters.get("export"))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		Optional<String> text = SearchTexts.of(session).get(token);
		SearchParameters asked = SearchParameters.of(token, text.orElse(""), parameters, this.catalog);
		if (text.isEmpty() || asked.problem() != null || asked.text().isBlank()) {
			// the search was forgotten (its text is kept in the session only) or is
			// wrong:
			// the page says which
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle")
			.withIsoDates();
		Search.Result result = this.search.everything(actor, asked.request(0, Search.Request.MAX_SIZE),
				this.mostExported);
		if (!result.ready()) {
			// the index is still being built: no file of what it holds so far; the
			// search's page says so
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(asked.page(0))).build();
		}
		if (result.total() > this.mostExported) {
			// back to the search, which says why and how to narrow it: a download
			// answered with an error ends in the browser as a failed one
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(asked.refused())).build();
		}
		labels.know(result.listing().referenced());
		List<List<String>> rows = new ArrayList<>();
		for (RecordView record : result.listing().page().items()) {
			rows.add(List.of(labels.message("kind." + record.kind().code() + ".one"), labels.title(record),
					String.join(" · ", labels.details(record))));
		}
		List<String> columns = List.of(labels.message("search.column.kind"), labels.message("search.column.title"),
				labels.message("search.column.details"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"khronika-search." + format.extension() + "\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ListExport.write(format, columns, rows));
	}

	private List<FacetGroup> facets(Search.Result result, SearchParameters asked, RecordLabels labels) {
		List<FacetGroup> groups = new ArrayList<>();
		for (Map.Entry<String, List<Search.FacetValue>> facet : result.facets().entrySet()) {
			List<FacetLink> links = new ArrayList<>();
			for (Search.FacetValue value : facet.getValue()) {
				boolean selected = value.value().equals(asked.selected(facet.getKey()));
				links.add(new FacetLink(label(facet.getKey(), value.value(), labels), value.count(),
						asked.link(facet.getKey(), value.value(), selected), selected));
			}
			if (facet.getKey().equals("year")) {
				links.sort((a, b) -> b.label().compareTo(a.label()));
			}
			groups.add(new FacetGroup(labels.message("search.facet." + facet.getKey()), links));
		}
		return groups;
	}

	private String label(String facet, String value, RecordLabels labels) {
		return switch (facet) {
			case "kind" -> labels.message("kind." + value + ".many");
			case "region" -> labels.region(value);
			case "article" -> labels.article(value);
			case "status" -> labels.term("case-statuses", value);
			case "role" -> labels.message("search.role." + value);
			default -> value;
		};
	}

	/**
	 * What the page was asked, read leniently: an unknown kind or a page that is not a
	 * number is a problem the page states, never an error; {@code problemField} names the
	 * parameter at fault.
	 */
	record SearchParameters(String token, String text, RecordKind kind, Map<String, String> facets, int page,
			String problem, String problemField) {

		static final List<String> FACETS = List.of("region", "year", "article", "status", "role");

		static SearchParameters of(String token, String text, Map<String, String> parameters, Catalog catalog) {
			String problem = null;
			String problemField = null;
			RecordKind kind = null;
			String kindCode = parameters.getOrDefault("kind", "");
			if (!kindCode.isBlank()) {
				Optional<RecordKind> found = java.util.Arrays.stream(RecordKind.values())
					.filter(k -> k.code().equals(kindCode))
					.findFirst();
				if (found.isEmpty()) {
					problem = "search.unknownKind";
					problemField = "kind";
				}
				kind = found.orElse(null);
			}
			int page = 0;
			String pageText = parameters.getOrDefault("page", "0");
			if (!pageText.matches("[0-9]{1,3}")) {
				problem = "search.badPage";
				problemField = "page";
			}
			else {
				page = Integer.parseInt(pageText);
			}
			Map<String, String> facets = new LinkedHashMap<>();
			for (String facet : FACETS) {
				String value = parameters.get(facet);
				if (value != null && !value.isBlank()) {
					facets.put(facet, value);
					if (!known(facet, value, catalog)) {
						// a value no record has (an edited link, a name for a code) is
						// said, not searched for and found nowhere
						problem = "search.unknown." + facet;
						problemField = facet;
					}
				}
			}
			return new SearchParameters(token, text.strip(), kind, facets, page, problem, problemField);
		}

		/** Whether {@code value} is one that facet {@code facet} may have. */
		private static boolean known(String facet, String value, Catalog catalog) {
			return switch (facet) {
				case "region" -> catalog.valueLabel("regions", value).isPresent();
				case "year" -> value.matches("(19|20)[0-9]{2}");
				case "article" -> catalog.article(value).isPresent();
				case "status" -> catalog.valueLabel(org.khronika.registry.CaseStatus.VOCABULARY, value).isPresent();
				default -> value.equals(RecordKind.CASE.code()) || value.equals(RecordKind.INCIDENT.code());
			};
		}

		/**
		 * These parameters, with a problem if their page, of {@code size} results, is
		 * past the results a search pages ({@link Search#MOST_PAGED}).
		 */
		SearchParameters pagedWithin(int size) {
			return (this.problem != null || reachable(this.page, size)) ? this : new SearchParameters(this.token,
					this.text, this.kind, this.facets, this.page, "search.pageTooDeep", "page");
		}

		/** Whether page {@code page} of {@code size} results is one a search gives. */
		static boolean reachable(int page, int size) {
			return page == 0 || (long) page * size < Search.MOST_PAGED;
		}

		Search.Request request(int size) {
			return request(this.page, size);
		}

		Search.Request request(int other, int size) {
			return new Search.Request(this.text, this.kind, this.facets, other, size);
		}

		String selected(String facet) {
			if (facet.equals("kind")) {
				return (this.kind != null) ? this.kind.code() : null;
			}
			return this.facets.get(facet);
		}

		/** This search with {@code facet} set to {@code value}, or unset if selected. */
		String link(String facet, String value, boolean unset) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search").queryParam("s", this.token);
			String kindCode = (this.kind != null) ? this.kind.code() : null;
			if ("kind".equals(facet)) {
				kindCode = unset ? null : value;
			}
			if (kindCode != null && facet != null) {
				link.queryParam("kind", kindCode);
			}
			if (facet != null) {
				for (Map.Entry<String, String> selected : this.facets.entrySet()) {
					if (!selected.getKey().equals(facet)) {
						link.queryParam(selected.getKey(), selected.getValue());
					}
				}
				if (!"kind".equals(facet) && !unset) {
					link.queryParam(facet, value);
				}
			}
			return link.encode().build().toUriString();
		}

		String page(int number) {
			return narrowed().queryParam("page", number).encode().build().toUriString();
		}

		/** This search, saying that its file was refused as too long. */
		String refused() {
			return narrowed().queryParam(ListExport.REFUSED, "export").encode().build().toUriString();
		}

		/** This search, every page, as a file in {@code format}. */
		String export(ListExport.Format format) {
			return narrowed().queryParam("export", format.extension()).encode().build().toUriString();
		}

		/** This search with its kind and facets. */
		private UriComponentsBuilder narrowed() {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search").queryParam("s", this.token);
			if (this.kind != null) {
				link.queryParam("kind", this.kind.code());
			}
			this.facets.forEach(link::queryParam);
			return link;
		}

	}

}

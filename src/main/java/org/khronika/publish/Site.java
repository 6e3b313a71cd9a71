package org.khronika.publish;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.Label;
import org.khronika.catalog.Metric;
import org.khronika.catalog.PublicationPlan;
import org.khronika.crypto.Keyring;
import org.khronika.crypto.PublicationSigner;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.HtmlUtils;

/**
 * The static public site of one snapshot: plain HTML and SVG in Russian and English with
 * no script, the open data package, the archive of earlier snapshots with an Atom feed,
 * and a signed manifest. Built from what the snapshot stored, never from the records as
 * they are now, so that the same snapshot always gives the same site. Links are relative:
 * the files work from any web server, mirror, onion service or straight from disk.
 */
public class Site {

	/** The languages of the site, each in its own directory. */
	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Label BRAND = new Label("Хроника", "Khronika");

	/** Entries to a page of the prisoners list: a page stays well under 200 KB. */
	static final int PRISONERS_PER_PAGE = 200;

	private final Snapshots snapshots;

	private final Publication publication;

	private final Catalog catalog;

	private final Supplier<Keyring> keyring;

	private final DataPackage dataPackage;

	Site(Snapshots snapshots, Publication publication, Catalog catalog, Supplier<Keyring> keyring,
			DataPackage dataPackage) {
		this.snapshots = snapshots;
		this.publication = publication;
		this.catalog = catalog;
		this.keyring = keyring;
		this.dataPackage = dataPackage;
	}

	/** A snapshot's document as stored. */
	record Document(String snapshot, String takenOn, long position, List<Figure> figures, String logHead) {
	}

	/** A figure as a snapshot stored it: codes, and each count as shown. */
	record Figure(String code, String measure, List<String> by, String from, String to, Integer k, List<String> rows,
			List<String> columns, List<List<String>> cells, List<String> rowTotals, List<String> columnTotals,
			String total) {
	}

	/**
	 * Every file of snapshot {@code id}'s site, by path, signed.
	 * @throws IllegalArgumentException if there is no such snapshot
	 */
	public SortedMap<String, byte[]> build(String id) {
		Document document = document(id);
		List<Snapshots.Snapshot> archive = archive(id);
		List<Prisoners.Entry> prisoners = this.snapshots.prisoners(id);
		byte[] incidents = this.snapshots.incidents(id).orElse(new byte[0]);
		Map<String, byte[]> files = new TreeMap<>();
		this.dataPackage.files(document, incidents).forEach((path, bytes) -> files.put("data/" + path, bytes));
		for (Snapshots.Snapshot earlier : archive) {
			files.put("archive/" + earlier.id() + ".json",
					this.snapshots.document(earlier.id()).orElseThrow().getBytes(StandardCharsets.UTF_8));
		}
		files.put("style.css", STYLE.getBytes(StandardCharsets.UTF_8));
		if (document.logHead() != null) {
			files.put("log-head.txt", utf8(document.logHead() + "\n"));
		}
		files.put("index.html", utf8(landing(document)));
		PublicationSigner signer = this.keyring.get().publicationSigner();
		for (Locale locale : LANGUAGES) {
			Pages pages = new Pages(document, locale, archive, prisoners, files, signer.publicKeyPem());
			pages.all().forEach((path, html) -> files.put(locale.getLanguage() + "/" + path, utf8(html)));
		}
		return SiteFiles.signed(files, signer);
	}

	private Document document(String id) {
		String text = this.snapshots.document(id).orElseThrow(() -> new IllegalArgumentException("no snapshot " + id));
		return JSON.readValue(text, Document.class);
	}

	/** The snapshots up to and including {@code id}, the latest first. */
	private List<Snapshots.Snapshot> archive(String id) {
		List<Snapshots.Snapshot> all = this.snapshots.list();
		int at = 0;
		while (at < all.size() && !all.get(at).id().equals(id)) {
			at++;
		}
		return all.subList(Math.min(at, all.size()), all.size());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String esc(String text) {
		return (text == null) ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private String landing(Document document) {
		return "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>Хроника · Khronika</title><link rel=\"stylesheet\" href=\"style.css\"></head>"
				+ "<body><main class=\"landing\"><h1>Хроника · Khronika</h1>" + "<p>Данные на "
				+ esc(document.takenOn()) + " · Figures as of " + esc(document.takenOn()) + "</p>"
				+ "<p class=\"languages\"><a href=\"ru/index.html\" hreflang=\"ru\" lang=\"ru\">По-русски</a> "
				+ "<a href=\"en/index.html\" hreflang=\"en\" lang=\"en\">In English</a></p></main></body></html>\n";
	}

	/** The pages of one language. */
	/**
	 * The public fields an incidents table may hold, as the open data page names them:
	 * those the publication plan lists, and only those, are said to be there.
	 */
	private static final Map<String, Label> INCIDENT_FIELDS = Map.of("date", new Label("дата", "date"), "region",
			new Label("регион", "region"), "type", new Label("тип", "type"), "topic", new Label("тема", "topic"),
			"organiser", new Label("организатор", "organiser"), "agreement", new Label("согласование", "agreement"),
			"detained", new Label("число задержанных", "number detained"));

	private final class Pages {

		private final Document document;

		private final Locale locale;

		private final List<Snapshots.Snapshot> archive;

		private final List<Prisoners.Entry> prisoners;

		private final Map<String, byte[]> files;

		private final String publicKey;

		private final NumberFormat numbers;

		Pages(Document document, Locale locale, List<Snapshots.Snapshot> archive, List<Prisoners.Entry> prisoners,
				Map<String, byte[]> files, String publicKey) {
			this.document = document;
			this.locale = locale;
			this.archive = archive;
			this.prisoners = prisoners;
			this.files = files;
			this.publicKey = publicKey;
			this.numbers = NumberFormat.getIntegerInstance(locale);
		}

		Map<String, String> all() {
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("index.html", index());
			for (Figure figure : this.document.figures()) {
				pages.put("figures/" + figure.code() + ".html", figure(figure));
			}
			if (plan().map() != null) {
				pages.put("map.html", map(plan().map()));
			}
			pages.putAll(prisonerPages());
			pages.put("data.html", data());
			pages.put("archive.html", archivePage());
			pages.put("verify.html", verify());
			pages.put("feed.atom", feed());
			return pages;
		}

		private String w(String ru, String en) {
			return new Label(ru, en).in(this.locale);
		}

		private String asOf() {
			return w("Данные на ", "As of ") + this.document.takenOn();
		}

		private String page(String path, String title, String body) {
			String up = "../".repeat(path.split("/").length - 1);
			String other = this.locale.getLanguage().equals("ru") ? "en" : "ru";
			StringBuilder html = new StringBuilder();
			html.append("<!DOCTYPE html>\n<html lang=\"")
				.append(this.locale.getLanguage())
				.append("\"><head><meta charset=\"utf-8\">")
				.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
				.append(esc(title))
				.append(" · ")
				.append(esc(BRAND.in(this.locale)))
				.append("</title><link rel=\"stylesheet\" href=\"")
				.append(up)
				.append("../style.css\"><link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
				.append(up)
				.append("feed.atom\"></head><body><header><a class=\"brand\" href=\"")
				.append(up)
				.append("index.html\">")
				.append(esc(BRAND.in(this.locale)))
				.append("</a><nav>");
			nav(html, up, "index.html", w("Цифры", "Figures"));
			if (plan().map() != null) {
				nav(html, up, "map.html", w("Карта", "Map"));
			}
			nav(html, up, "prisoners.html", w("Политзаключённые", "Political prisoners"));
			nav(html, up, "data.html", w("Открытые данные", "Open data"));
			nav(html, up, "archive.html", w("Архив", "Archive"));
			nav(html, up, "verify.html", w("Проверка подписи", "Check the signature"));
			html.append("</nav><a class=\"language\" hreflang=\"")
				.append(other)
				.append("\" href=\"")
				.append(up)
				.append("../")
				.append(other)
				.append('/')
				.append(path)
				.append("\">")
				.append(other.equals("en") ? "English" : "Русский")
				.append("</a></header><main><h1>")
				.append(esc(title))
				.append("</h1><p class=\"as-of\">")
				.append(esc(asOf()))
				.append("</p>")
				.append(body)
				.append("</main><footer>")
				.append(esc(w("Снимок ", "Snapshot ")))
				.append(esc(this.document.snapshot()))
				.append(" · ")
				.append(esc(w("позиция журнала ", "log position ")))
				.append(this.document.position())
				.append(" · <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></footer></body></html>\n");
			return html.toString();
		}

		private void nav(StringBuilder html, String up, String path, String label) {
			html.append("<a href=\"").append(up).append(path).append("\">").append(esc(label)).append("</a>");
		}

		private String index() {
			StringBuilder body = new StringBuilder();
			body.append("<p>")
				.append(esc(w("Числа ниже — опубликованный снимок записей: каждое число приводится с датой снимка. "
						+ "Число людей или дел меньше порога показано как «< k», а числа рядом с ним скрыты («x»), "
						+ "чтобы ни одного человека нельзя было узнать по цифрам.",
						"The figures below are a published snapshot of the records: quote each with its date. "
								+ "A count of people or cases below a threshold is shown as '< k', and counts beside it "
								+ "are hidden ('x'), so that no one can be picked out from the figures.")))
				.append("</p><ul class=\"figures\">");
			for (Figure figure : this.document.figures()) {
				body.append("<li><a href=\"figures/")
					.append(figure.code())
					.append(".html\">")
					.append(esc(title(figure)))
					.append("</a>: <strong>")
					.append(esc(shown(figure.total())))
					.append("</strong></li>");
			}
			body.append("</ul>");
			if (this.archive.size() > 1) {
				Snapshots.Snapshot before = this.archive.get(1);
				body.append("<h2>")
					.append(esc(w("Что изменилось с ", "What changed since ")))
					.append(before.takenOn())
					.append("</h2>")
					.append(changes(before.id(), this.document.snapshot()));
			}
			return page("index.html", w("Опубликованные цифры", "Published figures"), body.toString());
		}

		private String changes(String before, String after) {
			List<Snapshots.Change> changes = Site.this.snapshots.changes(before, after);
			if (changes.isEmpty()) {
				return "<p>" + esc(w("Ни одно показанное число не изменилось.", "No count shown has moved.")) + "</p>";
			}
			StringBuilder list = new StringBuilder("<p>")
				.append(esc(w(
						"Записи, найденные позже, меняют и прошлые годы: вот все показанные числа, которые сдвинулись.",
						"Records found late change past years too: here is every count shown that moved.")))
				.append("</p><ul class=\"changes\">");
			for (Snapshots.Change change : changes) {
				list.append("<li>")
					.append(esc(Site.this.publication.describe(change.figure(), change.element(), this.locale)))
					.append(": ")
					.append(esc(this.numbers.format(change.before())))
					.append(" → ")
					.append(esc(this.numbers.format(change.after())))
					.append(" (")
					.append((change.by() > 0) ? "+" : "")
					.append(esc(this.numbers.format(change.by())))
					.append(")</li>");
			}
			return list.append("</ul>").toString();
		}

		private String figure(Figure figure) {
			StringBuilder body = new StringBuilder();
			planned(figure).ifPresent(planned -> body.append("<p class=\"methodology\">")
				.append(esc(planned.methodology().in(this.locale)))
				.append("</p>"));
			Site.this.catalog.metric(figure.measure())
				.map(Metric::definition)
				.ifPresent(definition -> body.append("<p class=\"definition\"><strong>")
					.append(esc(w("Определение: ", "Definition: ")))
					.append("</strong>")
					.append(esc(definition.in(this.locale)))
					.append("</p>"));
			body.append("<p class=\"suppression\">")
				.append(esc((figure.k() != null)
						? w("Числа от 1 до " + (figure.k() - 1) + " показаны как «< " + figure.k()
								+ "», числа рядом с ними, по которым их можно вычислить, — как «x».",
								"Counts from 1 to " + (figure.k() - 1) + " are shown as '< " + figure.k()
										+ "', and counts beside them that would give them away as 'x'.")
						: w("Это число событий, а не людей: оно не скрывается.",
								"This counts events, not people: it is not suppressed.")))
				.append("</p>");
			body.append(chart(figure));
			body.append(table(figure));
			body.append("<p><a href=\"../../data/figures/")
				.append(figure.code())
				.append(".csv\">")
				.append(esc(w("Данные в CSV", "The data as CSV")))
				.append("</a></p>");
			return page("figures/" + figure.code() + ".html", title(figure), body.toString());
		}

		/**
		 * A horizontal bar chart: of the cells of one dimension, of the row totals of
		 * two.
		 */
		private String chart(Figure figure) {
			if (figure.by().isEmpty()) {
				return "";
			}
			List<String> codes = (figure.by().size() == 1) ? figure.columns() : figure.rows();
			List<String> values = (figure.by().size() == 1) ? figure.cells().get(0) : figure.rowTotals();
			String dimension = figure.by().get(0);
			long max = values.stream().filter(Publication::isCount).mapToLong(Long::parseLong).max().orElse(0);
			int labelWidth = 230;
			int barWidth = 380;
			int row = 22;
			int height = row * codes.size() + 4;
			StringBuilder svg = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
					+ "viewBox=\"0 0 " + (labelWidth + barWidth + 80) + " " + height + "\" role=\"img\" aria-label=\""
					+ esc(title(figure)) + "\">");
			for (int i = 0; i < codes.size(); i++) {
				int y = i * row + 2;
				String value = values.get(i);
				svg.append("<text x=\"")
					.append(labelWidth - 6)
					.append("\" y=\"")
					.append(y + 15)
					.append("\" text-anchor=\"end\">")
					.append(esc(clip(Site.this.publication.heading(dimension, codes.get(i), this.locale))))
					.append("</text>");
				int width = (Publication.isCount(value) && max > 0)
						? (int) Math.max(1, Math.round(barWidth * (double) Long.parseLong(value) / max)) : 0;
				if (width > 0) {
					svg.append("<rect x=\"")
						.append(labelWidth)
						.append("\" y=\"")
						.append(y + 2)
						.append("\" width=\"")
						.append(width)
						.append("\" height=\"")
						.append(row - 6)
						.append("\" class=\"bar\"/>");
				}
				svg.append("<text x=\"")
					.append(labelWidth + width + 5)
					.append("\" y=\"")
					.append(y + 15)
					.append("\">")
					.append(esc(shown(value)))
					.append("</text>");
			}
			return svg.append("</svg></figure>").toString();
		}

		private String clip(String label) {
			return (label.length() > 34) ? label.substring(0, 33) + "…" : label;
		}

		private String table(Figure figure) {
			StringBuilder table = new StringBuilder("<table>");
			String total = w("Итого", "Total");
			if (figure.by().isEmpty()) {
				table.append("<tr><th>")
					.append(esc(total))
					.append("</th><td>")
					.append(esc(shown(figure.total())))
					.append("</td></tr>");
			}
			else if (figure.by().size() == 1) {
				String dimension = figure.by().get(0);
				table.append("<thead><tr><th>")
					.append(esc(dimensionName(dimension)))
					.append("</th><th>")
					.append(esc(w("Число", "Count")))
					.append("</th></tr></thead><tbody>");
				for (int c = 0; c < figure.columns().size(); c++) {
					table.append("<tr id=\"r-")
						.append(esc(figure.columns().get(c)))
						.append("\"><th>")
						.append(esc(Site.this.publication.heading(dimension, figure.columns().get(c), this.locale)))
						.append("</th><td>")
						.append(esc(shown(figure.cells().get(0).get(c))))
						.append("</td></tr>");
				}
				table.append("</tbody><tfoot><tr><th>")
					.append(esc(total))
					.append("</th><td>")
					.append(esc(shown(figure.total())))
					.append("</td></tr></tfoot>");
			}
			else {
				String rows = figure.by().get(0);
				String columns = figure.by().get(1);
				table.append("<thead><tr><th>")
					.append(esc(dimensionName(rows)))
					.append(" \\ ")
					.append(esc(dimensionName(columns)))
					.append("</th>");
				for (String column : figure.columns()) {
					table.append("<th>")
						.append(esc(Site.this.publication.heading(columns, column, this.locale)))
						.append("</th>");
				}
				table.append("<th>").append(esc(total)).append("</th></tr></thead><tbody>");
				for (int r = 0; r < figure.rows().size(); r++) {
					table.append("<tr><th>")
						.append(esc(Site.this.publication.heading(rows, figure.rows().get(r), this.locale)))
						.append("</th>");
					for (String cell : figure.cells().get(r)) {
						table.append("<td>").append(esc(shown(cell))).append("</td>");
					}
					table.append("<td>").append(esc(shown(figure.rowTotals().get(r)))).append("</td></tr>");
				}
				table.append("</tbody><tfoot><tr><th>").append(esc(total)).append("</th>");
				for (String cell : figure.columnTotals()) {
					table.append("<td>").append(esc(shown(cell))).append("</td>");
				}
				table.append("<td>").append(esc(shown(figure.total()))).append("</td></tr></tfoot>");
			}
			return table.append("</table>").toString();
		}

		private String dimensionName(String dimension) {
			return Site.this.catalog.dimension(dimension).map(d -> d.label().in(this.locale)).orElse(dimension);
		}

		/**
		 * The tile-grid map: one square per region, coloured by the figure in classes.
		 */
		private String map(PublicationPlan.MapPlan map) {
			Optional<Figure> coloured = this.document.figures()
				.stream()
				.filter(figure -> figure.code().equals(map.figure()) && figure.by().equals(List.of("region")))
				.findFirst();
			if (coloured.isEmpty()) {
				return page("map.html", w("Карта", "Map"),
						"<p>" + esc(w("В этом снимке нет цифры для карты.", "This snapshot has no figure for the map."))
								+ "</p>");
			}
			Figure figure = coloured.get();
			Map<String, String> byRegion = new LinkedHashMap<>();
			for (int c = 0; c < figure.columns().size(); c++) {
				byRegion.put(figure.columns().get(c), figure.cells().get(0).get(c));
			}
			long[] breaks = breaks(byRegion.values()
				.stream()
				.filter(Publication::isCount)
				.mapToLong(Long::parseLong)
				.filter(n -> n > 0)
				.sorted()
				.toArray());
			int size = 40;
			int columns = map.tiles().values().stream().mapToInt(PublicationPlan.Tile::column).max().orElse(0) + 1;
			int rows = map.tiles().values().stream().mapToInt(PublicationPlan.Tile::row).max().orElse(0) + 1;
			StringBuilder svg = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
					+ "xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"map\" viewBox=\"0 0 " + (columns * size)
					+ " " + (rows * size) + "\" role=\"img\" aria-label=\"" + esc(title(figure)) + "\">");
			new TreeMap<>(map.tiles()).forEach((region, tile) -> {
				String value = byRegion.getOrDefault(region, "0");
				String name = Site.this.publication.heading("region", region, this.locale);
				int x = tile.column() * size;
				int y = tile.row() * size;
				svg.append("<a href=\"figures/")
					.append(figure.code())
					.append(".html#r-")
					.append(esc(region))
					.append("\" xlink:href=\"figures/")
					.append(figure.code())
					.append(".html#r-")
					.append(esc(region))
					.append("\"><title>")
					.append(esc(name))
					.append(": ")
					.append(esc(shown(value)))
					.append("</title><rect x=\"")
					.append(x + 1)
					.append("\" y=\"")
					.append(y + 1)
					.append("\" width=\"")
					.append(size - 2)
					.append("\" height=\"")
					.append(size - 2)
					.append("\" class=\"")
					.append(tileClass(value, breaks))
					.append("\"/><text x=\"")
					.append(x + size / 2)
					.append("\" y=\"")
					.append(y + 16)
					.append("\" text-anchor=\"middle\" class=\"label\">")
					.append(esc(tile.label()))
					.append("</text><text x=\"")
					.append(x + size / 2)
					.append("\" y=\"")
					.append(y + 31)
					.append("\" text-anchor=\"middle\">")
					.append(esc(shown(value)))
					.append("</text></a>");
			});
			svg.append("</svg></figure>");
			StringBuilder legend = new StringBuilder("<ul class=\"legend\"><li><span class=\"tile c0\"></span>0</li>");
			for (int i = 0; i < breaks.length; i++) {
				long from = breaks[i];
				String upTo = (i + 1 < breaks.length) ? "–" + this.numbers.format(breaks[i + 1] - 1) : "+";
				legend.append("<li><span class=\"tile c")
					.append(i + 1)
					.append("\"></span>")
					.append(esc(this.numbers.format(from)
							+ ((i + 1 < breaks.length && breaks[i + 1] - 1 == from) ? "" : upTo)))
					.append("</li>");
			}
			legend.append("<li><span class=\"tile hidden\"></span>")
				.append(esc(w("скрыто (мало)", "hidden (few)")))
				.append("</li></ul>");
			String body = "<p>" + esc(w("Каждый квадрат — регион, цвет — ", "Each square is a region, coloured by: "))
					+ "<a href=\"figures/" + figure.code() + ".html\">" + esc(title(figure)) + "</a>. "
					+ esc(w("Квадрат ведёт к строке таблицы.", "Each square links to its row of the table.")) + "</p>"
					+ svg + legend;
			return page("map.html", w("Карта регионов", "Map of the regions"), body);
		}

		private String tileClass(String value, long[] breaks) {
			if (!Publication.isCount(value)) {
				return "hidden";
			}
			long n = Long.parseLong(value);
			int level = 0;
			for (int i = 0; i < breaks.length; i++) {
				if (n >= breaks[i]) {
					level = i + 1;
				}
			}
			return "c" + level;
		}

		/** The prisoners list, {@value #PRISONERS_PER_PAGE} to a page. */
		private Map<String, String> prisonerPages() {
			Map<String, String> pages = new LinkedHashMap<>();
			int count = Math.max(1, (this.prisoners.size() + PRISONERS_PER_PAGE - 1) / PRISONERS_PER_PAGE);
			for (int page = 1; page <= count; page++) {
				pages.put(prisonersPage(page), prisoners(page, count));
			}
			return pages;
		}

		private static String prisonersPage(int page) {
			return (page == 1) ? "prisoners.html" : "prisoners-" + page + ".html";
		}

		private String prisoners(int page, int pages) {
			StringBuilder body = new StringBuilder("<p>")
				.append(esc(w("В списке только люди, которые согласились, чтобы их имя было опубликовано. "
						+ "Кого включать, решают методологии ниже; у каждой записи указано, какая из них её включает. "
						+ "Адрес для писем — адрес учреждения, и только если человек согласился получать письма.",
						"Only people who consented to be named publicly are listed. Who is listed is decided by the "
								+ "methodologies below; each entry says which of them lists it. An address for letters is "
								+ "the facility's, and only where the person consented to receive letters.")))
				.append("</p><dl class=\"methodologies\">");
			for (PublicationPlan.Methodology methodology : plan().methodologies()) {
				long count = this.prisoners.stream()
					.filter(e -> e.methodologies().contains(methodology.code()))
					.count();
				body.append("<dt id=\"m-")
					.append(methodology.code())
					.append("\">")
					.append(esc(methodology.title().in(this.locale)))
					.append(" (")
					.append(this.numbers.format(count))
					.append(")</dt><dd>")
					.append(esc(methodology.text().in(this.locale)))
					.append("</dd>");
			}
			body.append("</dl>");
			if (this.prisoners.isEmpty()) {
				body.append("<p>").append(esc(w("Список пуст.", "The list is empty."))).append("</p>");
			}
			else {
				body.append(pager(page, pages)).append("<table class=\"prisoners\"><thead><tr>");
				for (String heading : List.of(w("Имя", "Name"), w("Регион", "Region"), w("Статьи", "Articles"),
						w("Стадия", "Status"), w("Арестован(а)", "Arrested"), w("Суд", "Court"),
						w("Место содержания", "Place of custody"), w("Письма", "Letters"),
						w("Методология", "Methodology"))) {
					body.append("<th>").append(esc(heading)).append("</th>");
				}
				body.append("</tr></thead><tbody>");
				for (Prisoners.Entry entry : this.prisoners.subList((page - 1) * PRISONERS_PER_PAGE,
						Math.min(this.prisoners.size(), page * PRISONERS_PER_PAGE))) {
					body.append("<tr><td>")
						.append(esc(entry.name()))
						.append("</td><td>")
						.append(esc(Site.this.publication.heading("region", entry.region(), this.locale)))
						.append("</td><td>")
						.append(esc(String.join(", ",
								entry.articles()
									.stream()
									.map(a -> Site.this.publication.heading("article", a, this.locale))
									.toList())))
						.append("</td><td>")
						.append(esc(Site.this.publication.heading("status", entry.status(), this.locale)))
						.append("</td><td>")
						.append((entry.arrested() != null) ? entry.arrested().toString() : "—")
						.append("</td><td>")
						.append(esc(dash(entry.court())))
						.append("</td><td>")
						.append(esc(dash(entry.custodyPlace())))
						.append("</td><td>")
						.append(esc(dash(entry.letterAddress())))
						.append("</td><td>");
					List<String> links = new ArrayList<>();
					for (String code : entry.methodologies()) {
						plan().methodologies()
							.stream()
							.filter(m -> m.code().equals(code))
							.findFirst()
							.ifPresent(m -> links.add("<a href=\"prisoners.html#m-" + code + "\">"
									+ esc(m.title().in(this.locale)) + "</a>"));
					}
					body.append(String.join("; ", links)).append("</td></tr>");
				}
				body.append("</tbody></table>").append(pager(page, pages));
			}
			return page(prisonersPage(page), w("Список политзаключённых", "Political prisoners list")
					+ ((pages > 1) ? w(", страница ", ", page ") + page : ""), body.toString());
		}

		/** Links to every page of the list, this one marked; nothing if there is one. */
		private String pager(int page, int pages) {
			if (pages == 1) {
				return "";
			}
			StringBuilder pager = new StringBuilder("<nav class=\"pager\" aria-label=\"")
				.append(esc(w("Страницы списка", "Pages of the list")))
				.append("\">");
			for (int other = 1; other <= pages; other++) {
				pager
					.append((other == page) ? "<strong aria-current=\"page\">" + other + "</strong>"
							: "<a href=\"" + prisonersPage(other) + "\">" + other + "</a>")
					.append(' ');
			}
			return pager.append("</nav>").toString();
		}

		private String dash(String text) {
			return (text == null || text.isBlank()) ? "—" : text;
		}

		private String data() {
			StringBuilder body = new StringBuilder("<p>").append(esc(w(
					"Все опубликованные цифры и таблица инцидентов — пакет данных Frictionless Data (версия 2): "
							+ "datapackage.json описывает каждый CSV, его поля, лицензию и методологию. Лицензия CC BY 4.0: "
							+ "используйте со ссылкой на источник и дату снимка.",
					"Every published figure and the incidents table, as a Frictionless Data Package (version 2): "
							+ "datapackage.json describes each CSV, its fields, the licence and the methodology. "
							+ "Licence CC BY 4.0: use it citing the source and the snapshot's date.")))
				.append("</p><table><thead><tr><th>")
				.append(esc(w("Файл", "File")))
				.append("</th><th>")
				.append(esc(w("Размер, байт", "Size, bytes")))
				.append("</th></tr></thead><tbody>");
			this.files.forEach((path, bytes) -> {
				if (path.startsWith("data/")) {
					body.append("<tr><td><a href=\"../")
						.append(esc(path))
						.append("\">")
						.append(esc(path.substring("data/".length())))
						.append("</a></td><td>")
						.append(this.numbers.format(bytes.length))
						.append("</td></tr>");
				}
			});
			List<String> fields = Site.this.publication.plan()
				.incidentFields()
				.stream()
				.map(field -> INCIDENT_FIELDS.getOrDefault(field, new Label(field, field)).in(this.locale))
				.toList();
			body.append("</tbody></table><p>")
				.append(esc(w("Таблица инцидентов содержит только публичные поля: ",
						"The incidents table holds public fields only: ")
						+ String.join(", ", fields)
						+ w(". Описаний и всего, что может указать на человека, в ней нет.",
								". It has no descriptions and nothing that could point at a person.")))
				.append("</p>");
			return page("data.html", w("Открытые данные", "Open data"), body.toString());
		}

		private String archivePage() {
			StringBuilder body = new StringBuilder("<p>").append(esc(w(
					"Каждый снимок неизменен. Цифры прошлых снимков — в их файлах JSON; изменения между "
							+ "соседними снимками перечислены ниже.",
					"Every snapshot is immutable. The figures of past snapshots are in their JSON files; the changes "
							+ "between one snapshot and the next are listed below.")))
				.append("</p>");
			for (int i = 0; i < this.archive.size(); i++) {
				Snapshots.Snapshot snapshot = this.archive.get(i);
				body.append("<h2 id=\"s-")
					.append(snapshot.id())
					.append("\">")
					.append(snapshot.takenOn())
					.append("</h2><p><a href=\"../archive/")
					.append(snapshot.id())
					.append(".json\">")
					.append(esc(w("Цифры снимка (JSON)", "The snapshot's figures (JSON)")))
					.append("</a> · SHA-256 <code>")
					.append(snapshot.sha256())
					.append("</code></p>");
				if (i + 1 < this.archive.size()) {
					body.append(changes(this.archive.get(i + 1).id(), snapshot.id()));
				}
			}
			return page("archive.html", w("Архив снимков", "Archive of snapshots"), body.toString());
		}

		private String verify() {
			String body = "<p>" + esc(w(
					"Каждый файл сайта перечислен в manifest.txt со своим SHA-256, а manifest.txt подписан ключом "
							+ "организации (Ed25519). Сравните отпечаток ключа с тем, что организация публикует в других "
							+ "местах, затем проверьте:",
					"Every file of the site is listed in manifest.txt with its SHA-256, and manifest.txt is signed "
							+ "with the organisation's key (Ed25519). Compare the key's fingerprint with the one the "
							+ "organisation gives out elsewhere, then check:"))
					+ "</p><p>" + esc(w("Отпечаток ключа (SHA-256): ", "Key fingerprint (SHA-256): ")) + "<code>"
					+ esc(PublicationSigner.fingerprint(this.publicKey)) + "</code></p><pre>" + esc(this.publicKey)
					+ "</pre><p>" + esc(w("В каталоге сайта:", "In the site's directory:")) + "</p><pre>"
					+ "openssl pkeyutl -verify -pubin -inkey publication-key.pem -rawin -in manifest.txt -sigfile manifest.sig\n"
					+ "sha256sum -c manifest.txt</pre><p>"
					+ esc(w("Первая команда должна напечатать «Signature Verified Successfully», вторая — OK для каждого "
							+ "файла. Изменённый байт в любом файле ломает проверку. С Хроникой то же делает команда:",
							"The first command must print 'Signature Verified Successfully', the second OK for every file. "
									+ "A changed byte in any file fails the check. With Khronika, one command does both:"))
					+ "</p><pre>java -jar khronika.jar publish verify DIR --key publication-key.pem</pre>"
					+ ((this.document.logHead() == null) ? "" : "<p>" + esc(w(
							"Подписанная голова журнала на момент снимка (log-head.txt): любой, у кого "
									+ "есть копия, может позже проверить, что журнал организации её продолжает.",
							"The log's signed head when the snapshot was taken (log-head.txt): anyone who keeps "
									+ "a copy can later check that the organisation's log extends it."))
							+ "</p><pre>" + esc(this.document.logHead()) + "</pre>");
			return page("verify.html", w("Проверка подписи", "Checking the signature"), body);
		}

		private String feed() {
			String language = this.locale.getLanguage();
			StringBuilder atom = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
				.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
				.append(language)
				.append("\"><title>")
				.append(esc(BRAND.in(this.locale) + ": " + w("снимки цифр", "snapshots of the figures")))
				.append("</title><id>urn:uuid:")
				.append(this.archive.get(this.archive.size() - 1).id())
				.append("</id><updated>")
				.append(this.document.takenOn())
				.append("T00:00:00Z</updated><link rel=\"alternate\" href=\"index.html\"/>");
			for (Snapshots.Snapshot snapshot : this.archive) {
				atom.append("<entry><title>")
					.append(esc(w("Цифры на ", "Figures as of ") + snapshot.takenOn()))
					.append("</title><id>urn:uuid:")
					.append(snapshot.id())
					.append("</id><updated>")
					.append(snapshot.takenOn())
					.append("T00:00:00Z</updated><author><name>")
					.append(esc(BRAND.in(this.locale)))
					.append("</name></author><link rel=\"alternate\" href=\"archive.html#s-")
					.append(snapshot.id())
					.append("\"/><summary>")
					.append(esc(
							w("Снимок на ", "Snapshot as of ") + snapshot.takenOn() + ", SHA-256 " + snapshot.sha256()))
					.append("</summary></entry>");
			}
			return atom.append("</feed>\n").toString();
		}

		private String title(Figure figure) {
			return planned(figure).map(planned -> planned.title().in(this.locale)).orElse(figure.code());
		}

		private Optional<PublicationPlan.Figure> planned(Figure figure) {
			return plan().figures().stream().filter(planned -> planned.code().equals(figure.code())).findFirst();
		}

		private String shown(String value) {
			return Publication.written(value, this.numbers);
		}

	}

	private PublicationPlan plan() {
		return this.publication.plan();
	}

	/**
	 * Up to five class breaks for the map, from the counts above zero: the least count
	 * and the quintiles, without repeats.
	 */
	static long[] breaks(long[] sorted) {
		if (sorted.length == 0) {
			return new long[0];
		}
		java.util.TreeSet<Long> breaks = new java.util.TreeSet<>();
		for (int i = 0; i < 5; i++) {
			breaks.add(sorted[(int) ((long) i * sorted.length / 5)]);
		}
		return breaks.stream().mapToLong(Long::longValue).toArray();
	}

	private static final String STYLE = """
			body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
			header { display: flex; flex-wrap: wrap; gap: .4em 1em; align-items: baseline; padding: .6em 1em;
			  border-bottom: 1px solid #ccc; background: #f6f6f3; }
			header nav { display: flex; flex-wrap: wrap; gap: .2em 1em; flex: 1; }
			.brand { font-weight: bold; color: #8b1a1a; text-decoration: none; }
			main { max-width: 60em; margin: 0 auto; padding: 1em; }
			main.landing { text-align: center; margin-top: 4em; }
			.languages a { margin: 0 1em; font-size: 1.2em; }
			.as-of { color: #555; margin-top: -.6em; }
			footer { max-width: 60em; margin: 2em auto; padding: 0 1em; color: #666; font-size: .85em; }
			table { border-collapse: collapse; margin: 1em 0; }
			th, td { border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
			td { font-variant-numeric: tabular-nums; }
			tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #999; }
			tr:target { background: #fff3b0; }
			svg { max-width: 100%; height: auto; font-size: 12px; }
			.chart .bar { fill: #8b1a1a; }
			.map rect { stroke: #fff; }
			.map text { font-size: 11px; fill: #111; pointer-events: none; }
			.map text.label { font-size: 10px; font-weight: bold; fill: #333; }
			.c0 { fill: #eeeeee; background: #eeeeee; } .c1 { fill: #fde0c5; background: #fde0c5; }
			.c2 { fill: #facba6; background: #facba6; } .c3 { fill: #f59e72; background: #f59e72; }
			.c4 { fill: #e4694b; background: #e4694b; } .c5 { fill: #b83b3b; background: #b83b3b; }
			.hidden { fill: #c8c8d8; background: #c8c8d8; }
			.pager { margin: 1em 0; } .pager a, .pager strong { padding: 0 .3em; }
			dt { font-weight: bold; margin-top: .6em; }
			.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3em 1.2em; padding: 0; }
			.legend .tile { display: inline-block; width: 1em; height: 1em; margin-right: .3em; vertical-align: -.15em; }
			pre { background: #f4f4f4; padding: .6em; overflow-x: auto; }
			code { word-break: break-all; }
			""";

}

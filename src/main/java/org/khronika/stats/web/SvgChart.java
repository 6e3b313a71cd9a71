package org.khronika.stats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws figures as an SVG bar chart on the server, so that it reads without JavaScript:
 * one horizontal bar per group, or, by two dimensions, one bar per value of the first
 * split into the second's values (the most frequent {@value #SERIES} and "other"). Each
 * bar links to the records behind it. Every text is escaped.
 */
final class SvgChart {

	/** At most this many bars; the table below the chart has every group. */
	static final int BARS = 40;

	/** At most this many colours in a split bar; the rest are "other". */
	static final int SERIES = 8;

	private static final String[] COLOURS = { "#1d3557", "#e76f51", "#2a9d8f", "#e9c46a", "#6d597a", "#457b9d",
			"#bc4749", "#8ab17d", "#9aa3ad" };

	private static final int LABEL = 220;

	private static final int WIDTH = 760;

	private static final int BAR = 18;

	private static final int GAP = 6;

	/**
	 * One segment of a bar: the series it belongs to, its value, the value as the page
	 * writes it (for its tooltip), where it links.
	 */
	record Segment(String series, double value, String shown, String href) {
	}

	/** One bar: its label, its shown value, and its segments. */
	record Bar(String label, String shown, List<Segment> segments) {

		double total() {
			return this.segments.stream().mapToDouble(Segment::value).sum();
		}

	}

	private SvgChart() {
	}

	/**
	 * The chart, titled {@code title}; {@code other} names the series that gathers the
	 * rest.
	 */
	static String draw(String title, List<Bar> all, String other) {
		List<Bar> bars = all.subList(0, Math.min(all.size(), BARS));
		Map<String, Double> seriesTotals = new LinkedHashMap<>();
		bars.forEach(bar -> bar.segments()
			.forEach(segment -> seriesTotals.merge(segment.series(), segment.value(), Double::sum)));
		List<String> series = new ArrayList<>(seriesTotals.keySet());
		series.sort((a, b) -> Double.compare(seriesTotals.get(b), seriesTotals.get(a)));
		List<String> kept = series.subList(0, Math.min(series.size(), SERIES));
		boolean split = series.size() > 1 || (series.size() == 1 && series.get(0) != null);
		double max = bars.stream().mapToDouble(Bar::total).max().orElse(0);
		int legendRows = split ? (int) Math.ceil((kept.size() + ((series.size() > SERIES) ? 1 : 0)) / 4.0) : 0;
		int top = 8 + legendRows * 20;
		int height = top + bars.size() * (BAR + GAP) + 8;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" width=\"100%\"><title>")
			.append(escape(title))
			.append("</title>");
		if (split) {
			for (int i = 0; i <= kept.size(); i++) {
				if (i == kept.size() && series.size() <= SERIES) {
					break;
				}
				String name = (i < kept.size()) ? kept.get(i) : other;
				int x = 8 + (i % 4) * 185;
				int y = 8 + (i / 4) * 20;
				svg.append("<rect x=\"")
					.append(x)
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"12\" height=\"12\" fill=\"")
					.append(COLOURS[Math.min(i, COLOURS.length - 1)])
					.append("\"/><text x=\"")
					.append(x + 18)
					.append("\" y=\"")
					.append(y + 11)
					.append("\" font-size=\"12\">")
					.append(escape(shorten(String.valueOf(name), 26)))
					.append("</text>");
			}
		}
		int plot = WIDTH - LABEL - 80;
		for (int n = 0; n < bars.size(); n++) {
			Bar bar = bars.get(n);
			int y = top + n * (BAR + GAP);
			svg.append("<text x=\"")
				.append(LABEL - 6)
				.append("\" y=\"")
				.append(y + BAR - 5)
				.append("\" font-size=\"12\" text-anchor=\"end\">")
				.append(escape(shorten(bar.label(), 34)))
				.append("</text>");
			double x = LABEL;
			for (Segment segment : bar.segments()) {
				int index = kept.indexOf(segment.series());
				String colour = COLOURS[(index >= 0) ? index : Math.min(kept.size(), COLOURS.length - 1)];
				double width = (max > 0) ? segment.value() / max * plot : 0;
				svg.append("<a href=\"")
					.append(escape(segment.href()))
					.append("\"><rect x=\"")
					.append(format(x))
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"")
					.append(format(width))
					.append("\" height=\"")
					.append(BAR)
					.append("\" fill=\"")
					.append(colour)
					.append("\"><title>")
					.append(escape(bar.label() + ((segment.series() != null) ? " · " + segment.series() : "") + ": "
							+ segment.shown()))
					.append("</title></rect></a>");
				x += width;
			}
			svg.append("<text x=\"")
				.append(format(x + 6))
				.append("\" y=\"")
				.append(y + BAR - 5)
				.append("\" font-size=\"12\">")
				.append(escape(bar.shown()))
				.append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	private static String shorten(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}

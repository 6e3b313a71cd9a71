package org.khronika.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for a request that the server refuses before Khronika reads it: an address
 * with an encoded slash or backslash, a NUL, or characters a URL may not hold. Tomcat
 * would answer with its own English page; this one says, in Russian and English, what
 * Khronika's own 400 page says, in Khronika's style and under a content policy stricter
 * than its pages' (no script, no form), and to the API a problem document, as the API
 * refuses. It replaces Tomcat's error report valve, so it also answers any other failure
 * the server reports itself, without naming the server or a cause.
 */
public final class ServerErrorPage extends ErrorReportValve {

	private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
			+ "form-action 'none'; frame-ancestors 'none'";

	private final ResourceBundle russian = bundle(WebConfiguration.RUSSIAN);

	private final ResourceBundle english = bundle(Locale.ENGLISH);

	/** Where the page's link leads: the server's first page. */
	private final String home;

	private ServerErrorPage(String home) {
		this.home = home;
	}

	/**
	 * The page, on a server whose first page is {@code home}. Spring Boot puts Tomcat's
	 * error report valve on the host; this customizer runs after Spring Boot's (it is not
	 * ordered, so it comes last) and puts ours in its place, and names ours as the
	 * host's, so that the host does not add Tomcat's again.
	 */
	public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> installed(String home) {
		return factory -> factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ServerErrorPage(home));
			host.setErrorReportValveClass(ServerErrorPage.class.getName());
		});
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		boolean api = String.valueOf(request.getRequestURI()).startsWith("/api/");
		try {
			response.setHeader("Content-Security-Policy", POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setContentType(api ? "application/problem+json" : "text/html");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(api ? problem(status, request) : html(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone: there is no one to tell
		}
	}

	/**
	 * A problem document, as the API answers every refusal ({@link ProblemDocuments}).
	 */
	private String problem(int status, Request request) {
		String code = (status < 500) ? "unreadable" : "internal";
		ResourceBundle messages = ProblemDocuments.locale(request).equals(Locale.ENGLISH) ? this.english : this.russian;
		// the title is one of our own messages: quotes and backslashes are all it could
		// hold that JSON escapes
		String title = messages.getString("api." + code).replace("\\", "\\\\").replace("\"", "\\\"");
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"code\":\"" + code
				+ "\"}";
	}

	private String html(int status) {
		return "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escaped(this.russian, heading(status))
				+ " · " + escaped(this.english, heading(status))
				+ "</title><link rel=\"stylesheet\" href=\"/css/khronika.css\"></head>"
				+ "<body><header class=\"top\"><a class=\"brand\" href=\"" + this.home + "\">"
				+ escaped(this.russian, "app.name") + "</a></header><main id=\"content\"><section class=\"narrow\">"
				+ part(this.russian, "ru", status) + part(this.english, "en", status)
				+ "</section></main></body></html>\n";
	}

	private String part(ResourceBundle messages, String language, int status) {
		return "<div lang=\"" + language + "\"><h1>" + escaped(messages, heading(status)) + "</h1><p>"
				+ escaped(messages, words(status)) + "</p><p><a href=\"" + this.home + "\">"
				+ escaped(messages, "error.back") + "</a></p></div>";
	}

	/**
	 * The keys of what a status says and of its heading: a 400 says what Khronika's own
	 * page says of a request not understood, any other status what it says of a failure.
	 */
	private static String words(int status) {
		return (status == 400) ? "error.400.request" : "error.generic";
	}

	private static String heading(int status) {
		return (status == 400) ? "error.400.request.title" : "error.title";
	}

	private static String escaped(ResourceBundle messages, String key) {
		return HtmlUtils.htmlEscape(messages.getString(key));
	}

	private static ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle("messages", locale, ServerErrorPage.class.getClassLoader(),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

}

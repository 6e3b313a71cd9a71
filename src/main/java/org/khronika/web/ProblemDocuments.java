package org.khronika.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * How the API refuses, whoever refuses: a controller, the API's error advice, or a
 * security filter before any controller is chosen. Always an RFC 9457 problem document
 * ({@code application/problem+json}) with its status, a stable {@code code}, a title in
 * the reader's language (the message {@code api.<code>}; Russian with
 * {@code Accept-Language: ru}, English otherwise) and, for bad input, {@code errors}
 * naming each field at fault. Never exception text.
 */
@Component
public class ProblemDocuments {

	private static final JacksonJsonHttpMessageConverter JSON = new JacksonJsonHttpMessageConverter();

	private final MessageSource messages;

	public ProblemDocuments(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Whether {@code request} is to the API, whose refusals are problem documents, not
	 * pages.
	 */
	public static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** The language of the API's messages: Russian if the request asks for it first. */
	public static Locale locale(HttpServletRequest request) {
		String accept = request.getHeader("Accept-Language");
		return (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("ru")) ? WebConfiguration.RUSSIAN
				: Locale.ENGLISH;
	}

	/** The problem, to be answered by a controller or completed (a detail) first. */
	public ProblemDetail of(HttpStatusCode status, String code, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(this.messages.getMessage("api." + code, null, code, locale(request)));
		problem.setProperty("code", code);
		return problem;
	}

	/** The answer of a refusal, with the fields at fault (none for most). */
	public ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String code, List<Map<String, Object>> errors,
			HttpServletRequest request) {
		ProblemDetail problem = of(status, code, request);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return answer(problem);
	}

	/**
	 * One field at fault, as {@code errors} lists it: the field, its stable code, and the
	 * message {@code messageKey} with {@code arguments} in {@code locale}.
	 */
	public Map<String, Object> error(String field, String code, String messageKey, Object[] arguments, Locale locale) {
		Map<String, Object> error = new java.util.LinkedHashMap<>();
		error.put("field", field);
		error.put("code", code);
		error.put("message", this.messages.getMessage(messageKey, arguments, code, locale));
		return error;
	}

	/** The answer of a problem made with {@link #of}. */
	public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * Writes the refusal as the response, for those who answer before Spring MVC does
	 * (the security filters), in the same shape as a controller's.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code)
			throws IOException {
		ProblemDetail problem = of(status, code, request);
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
	}

}

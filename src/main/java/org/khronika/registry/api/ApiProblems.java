package org.khronika.registry.api;

import org.khronika.access.AccessRefused;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every API error as RFC 9457 problem details with a stable code; never exception text.
 */
@RestControllerAdvice(assignableTypes = RecordApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Log logger = LogFactory.getLog(ApiProblems.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, Object>> problem(ApiProblem problem) {
		return body(problem.status(), problem.code(), problem.getMessage());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method() {
		return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "This method is not allowed here.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType() {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send application/json.");
	}

	@ExceptionHandler(AccessRefused.class)
	ResponseEntity<Map<String, Object>> refused() {
		return body(HttpStatus.FORBIDDEN, "access.denied", "Your role may not do this.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		// the type only: a message could carry input
		logger.error("API request failed: " + ex.getClass().getName() + " at "
				+ (ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?"));
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The request failed. Nothing was half-saved.");
	}

	static Locale locale(HttpServletRequest request) {
		String accept = request.getHeader("Accept-Language");
		return (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("ru"))
				? Locale.forLanguageTag("ru") : Locale.ENGLISH;
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status.value());
		body.put("code", code);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}

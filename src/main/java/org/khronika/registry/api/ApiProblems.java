package org.khronika.registry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessRefused;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.InvalidQuery;
import org.khronika.registry.Refusal;
import org.khronika.web.ProblemDocuments;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every API error as an RFC 9457 problem document (Spring's {@link ProblemDetail}): its
 * status, a title in the reader's language ({@code Accept-Language}), a stable
 * {@code code}, and for bad input {@code errors}, one per field, each with its field,
 * code and message. Never exception text.
 */
@RestControllerAdvice(assignableTypes = RecordApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Log logger = LogFactory.getLog(ApiProblems.class);

	private final ProblemDocuments documents;

	ApiProblems(ProblemDocuments documents) {
		this.documents = documents;
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> problem(ApiProblem problem, HttpServletRequest request) {
		return body(problem.status(), problem.code(), problem.problems(), request);
	}

	@ExceptionHandler(InvalidQuery.class)
	ResponseEntity<ProblemDetail> query(InvalidQuery invalid, HttpServletRequest request) {
		return body(HttpStatus.BAD_REQUEST, "invalid_query", List.of(invalid.problem()), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpServletRequest request) {
		return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", List.of(), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", List.of(), request);
	}

	/**
	 * A request whose parameters or body cannot be read at all: parameters that are not
	 * UTF-8, a multipart body cut short, a value of the wrong type in the path. Said as
	 * bad input, not as a failure of ours; what it held is never logged.
	 */
	@ExceptionHandler({ org.apache.tomcat.util.http.InvalidParameterException.class,
			org.springframework.web.multipart.MultipartException.class,
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex, HttpServletRequest request) {
		return (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)
				? body(HttpStatus.CONTENT_TOO_LARGE, "too_large", List.of(), request)
				: body(HttpStatus.BAD_REQUEST, "unreadable", List.of(), request);
	}

	@ExceptionHandler(AccessRefused.class)
	ResponseEntity<ProblemDetail> refused(HttpServletRequest request) {
		return body(HttpStatus.FORBIDDEN, Refusal.DENIED.code(), List.of(), request);
	}

	/**
	 * The database could not do it (a disk that fails a write or a sync, a full disk, a
	 * database that is gone): the transaction was rolled back, so nothing of the request
	 * was stored. Said as 503, to be tried again, and in the server's log for the
	 * operator.
	 */
	@ExceptionHandler({ org.khronika.eventlog.WritesStopped.class, org.springframework.dao.DataAccessException.class,
			org.springframework.transaction.TransactionException.class })
	ResponseEntity<ProblemDetail> storage(Exception ex, HttpServletRequest request) {
		boolean stopped = ex instanceof org.khronika.eventlog.WritesStopped;
		logger.error((stopped ? "write refused, " : "storage fault, the request's changes were rolled back: ")
				+ org.khronika.eventlog.StorageFaults.describe(ex));
		ResponseEntity<ProblemDetail> body = body(HttpStatus.SERVICE_UNAVAILABLE,
				stopped ? "writes_stopped" : "storage", List.of(), request);
		return ResponseEntity.status(body.getStatusCode())
			.header("Retry-After", "30")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		// the type only: a message could carry input
		logger.error("API request failed: " + ex.getClass().getName() + " at "
				+ (ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?"));
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", List.of(), request);
	}

	private ResponseEntity<ProblemDetail> body(HttpStatus status, String code, List<FieldProblem> problems,
			HttpServletRequest request) {
		Locale locale = ProblemDocuments.locale(request);
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldProblem problem : problems) {
			errors.add(this.documents.error(problem.field(), problem.code(), problem.messageCode(),
					problem.arguments().toArray(), locale));
		}
		return this.documents.answer(status, code, errors, request);
	}

}

package org.khronika.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.crypto.SealedDataException;
import org.khronika.eventlog.StorageFaults;
import org.khronika.eventlog.WritesStopped;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every failure of a page ends on an error page with its status and nothing else: no
 * exception text, which could carry what someone typed. "Not found" and "not allowed"
 * have their own pages ({@code error/404}, {@code error/403}, which Spring Boot's error
 * view also picks for refusals made outside a controller, by the security filters); the
 * rest share {@code error}. Only the failure's type and place are logged. The API has its
 * own advice, which takes precedence for its controllers; what it does not take is
 * answered here as the API answers, with a problem document.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrors {

	private static final Log logger = LogFactory.getLog(HtmlErrors.class);

	private final ProblemDocuments problems;

	private final PageModel pages;

	HtmlErrors(ProblemDocuments problems, PageModel pages) {
		this.problems = problems;
		this.pages = pages;
	}

	/**
	 * A request the server cannot read: a form whose text is not UTF-8, a multipart body
	 * cut short, a path value of the wrong type. Said as such (400, or 413 for an upload
	 * too large), not as a failure of ours; what it held is never logged.
	 */
	@ExceptionHandler({ org.apache.tomcat.util.http.InvalidParameterException.class,
			org.springframework.web.multipart.MultipartException.class,
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
	ModelAndView unreadable(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)
				? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		return answer(status, ex, request, response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (StorageFaults.isStorageFault(ex)) {
			logger.error("storage fault, the request's changes were rolled back: " + StorageFaults.describe(ex));
			response.setHeader("Retry-After", "30");
			return answer(HttpStatus.SERVICE_UNAVAILABLE, ex, request, response);
		}
		if (ex instanceof SealedDataException) {
			// its message names what did not open, never a byte of it, and the path
			// names the page (an id at most: nothing secret is ever in a path)
			logger.error("a sealed value does not open: " + ex.getMessage() + " (" + request.getMethod() + " "
					+ request.getRequestURI() + ")");
			return answer(HttpStatus.INTERNAL_SERVER_ERROR, ex, request, response);
		}
		HttpStatusCode status = (ex instanceof ErrorResponse refusal) ? refusal.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("request failed: " + ex.getClass().getName() + " at "
					+ ((ex.getStackTrace().length > 0) ? ex.getStackTrace()[0] : "?"));
		}
		return answer(status, ex, request, response);
	}

	/**
	 * The page of the failure, or for a request to the API that its own error handling
	 * did not take (refused before an endpoint was chosen: no such endpoint, a method it
	 * does not take, a body cut short), a problem document all the same.
	 */
	private ModelAndView answer(HttpStatusCode status, Exception ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (ProblemDocuments.isApi(request)) {
			this.problems.write(request, response, status, apiCode(status, ex));
			return new ModelAndView();
		}
		String view = switch (status.value()) {
			case 400, 403, 404, 413 -> "error/" + status.value();
			default -> "error";
		};
		ModelAndView error = new ModelAndView(view, status);
		this.pages.addTo(error, request);
		error.addObject("status", status.value());
		error.addObject("writesStopped", ex instanceof WritesStopped);
		error.addObject("unreadable", ex instanceof SealedDataException);
		if (status.value() == 400) {
			error.addObject(BadRequests.CAUSE, BadRequests.of(ex));
		}
		return error;
	}

	private static String apiCode(HttpStatusCode status, Exception ex) {
		if (StorageFaults.isStorageFault(ex)) {
			return (ex instanceof WritesStopped) ? "writes_stopped" : "storage";
		}
		return switch (status.value()) {
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 413 -> "too_large";
			case 415 -> "unsupported_media_type";
			default -> status.is4xxClientError() ? "unreadable" : "internal";
		};
	}

}

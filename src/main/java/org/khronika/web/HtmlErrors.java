package org.khronika.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
 * own advice, which takes precedence for its controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrors {

	private static final Log logger = LogFactory.getLog(HtmlErrors.class);

	/**
	 * A request the server cannot read: a form whose text is not UTF-8, a multipart body
	 * cut short, a path value of the wrong type. Said as such (400, or 413 for an upload
	 * too large), not as a failure of ours; what it held is never logged.
	 */
	@ExceptionHandler({ org.apache.tomcat.util.http.InvalidParameterException.class,
			org.springframework.web.multipart.MultipartException.class,
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
	ModelAndView unreadable(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws java.io.IOException {
		HttpStatus status = (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)
				? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// an API request no API controller took (the body was read before one was
			// chosen): a problem document all the same
			response.setStatus(status.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\""
						+ ((status == HttpStatus.BAD_REQUEST) ? "The request cannot be read."
								: "The request is too large.")
						+ "\",\"code\":\"" + ((status == HttpStatus.BAD_REQUEST) ? "unreadable" : "too_large") + "\"}");
			return new ModelAndView();
		}
		ModelAndView error = new ModelAndView("error/" + status.value(), status);
		error.addObject("status", status.value());
		return error;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request) throws Exception {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// not a page: left to the JSON error handling
			throw ex;
		}
		if (org.khronika.eventlog.StorageFaults.isStorageFault(ex)) {
			logger.error("storage fault, the request's changes were rolled back: "
					+ org.khronika.eventlog.StorageFaults.describe(ex));
			ModelAndView error = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
			error.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
			error.addObject("writesStopped", ex instanceof org.khronika.eventlog.WritesStopped);
			return error;
		}
		HttpStatusCode status = (ex instanceof ErrorResponse response) ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("page failed: " + ex.getClass().getName() + " at "
					+ ((ex.getStackTrace().length > 0) ? ex.getStackTrace()[0] : "?"));
		}
		String view = switch (status.value()) {
			case 400, 403, 404, 413 -> "error/" + status.value();
			default -> "error";
		};
		ModelAndView error = new ModelAndView(view, status);
		error.addObject("status", status.value());
		return error;
	}

}

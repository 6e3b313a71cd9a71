package org.khronika.web;

import jakarta.servlet.http.HttpServletRequest;
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
	 * A form the server cannot read: its text is not UTF-8, or a part of it cannot be
	 * decoded. Said as such (400), not as a failure of ours; what it held is never
	 * logged.
	 */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ModelAndView unreadable(Exception ex, HttpServletRequest request) throws Exception {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		ModelAndView error = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
		error.addObject("status", 400);
		return error;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request) throws Exception {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// not a page: left to the JSON error handling
			throw ex;
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

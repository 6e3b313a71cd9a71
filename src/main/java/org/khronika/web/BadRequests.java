package org.khronika.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.FileUploadException;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;

/**
 * Why a request could not be read, for the 400 page to say so: its text was not UTF-8
 * ({@code encoding}), an upload broke off ({@code incomplete}), or it held what the page
 * does not take, such as a link edited or cut short ({@code request}). The page reads it
 * as {@code badRequest}, whether the refusal came from a controller, from a filter that
 * read the form first, or from the server before either.
 */
public final class BadRequests {

	/** The page's variable, and the request attribute a filter leaves it in. */
	static final String CAUSE = "badRequest";

	private BadRequests() {
	}

	/**
	 * Marks a request whose form could not be read, before a filter refuses it with a
	 * 400, so that the page says why.
	 */
	public static void unreadForm(HttpServletRequest request, Exception failure) {
		request.setAttribute(CAUSE, of(failure));
	}

	static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MultipartException || cause instanceof FileUploadException) {
				return "incomplete";
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// what the server could not decode; too many fields, or a field without
			// '=', are said as a request not understood
			if (cause instanceof java.io.CharConversionException
					|| cause instanceof java.nio.charset.CharacterCodingException
					|| cause instanceof java.io.UnsupportedEncodingException) {
				return "encoding";
			}
		}
		return "request";
	}

	/**
	 * Spring Boot's error attributes, with the cause of a 400 beside them, for the
	 * refusals that reach the error page without passing a controller.
	 */
	static ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public java.util.Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				java.util.Map<String, Object> attributes = super.getErrorAttributes(request, options);
				if (Integer.valueOf(400).equals(attributes.get("status"))) {
					Object marked = request.getAttribute(CAUSE, RequestAttributes.SCOPE_REQUEST);
					attributes.put(CAUSE, (marked != null) ? marked : of(getError(request)));
				}
				return attributes;
			}
		};
	}

}

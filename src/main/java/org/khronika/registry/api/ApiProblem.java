package org.khronika.registry.api;

import org.springframework.http.HttpStatus;

/**
 * An API request that cannot be answered as asked; becomes a problem-details response.
 */
class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	ApiProblem(HttpStatus status, String code, String title) {
		super(title, null, false, false);
		this.status = status;
		this.code = code;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}

package org.khronika.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes its POST. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}

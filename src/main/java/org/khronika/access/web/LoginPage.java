package org.khronika.access.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.khronika.access.SecondFactors;
import org.khronika.access.Sessions;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Logging in: the password form (Spring Security processes its POST), then the second
 * factor: a code from the authenticator or a recovery code, or, the first time, setting
 * the authenticator up with a QR code drawn on the server. All of it works without
 * JavaScript.
 */
@Controller
class LoginPage {

	private static final String ENROLMENT = "khronika.enrolment";

	private final Sessions sessions;

	LoginPage(Sessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * The password form. Its session (which holds the form's token) is made before the
	 * page is written: a long address, which the language switch repeats, can fill the
	 * response's buffer before the form, and a session's cookie cannot follow a response
	 * already on its way.
	 */
	@GetMapping("/login")
	String login(HttpServletRequest request) {
		request.getSession();
		return "login";
	}

	@GetMapping("/login/code")
	String initCodeForm() {
		return "login-code";
	}

	@PostMapping("/login/code")
	String processCodeForm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (this.sessions.submitCode(request, response, code)) {
			return "redirect:/";
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("failed", true);
		return "login-code";
	}

	@GetMapping("/login/enrol")
	String initEnrolForm(Model model, HttpSession session) {
		SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
		if (enrolment == null || !enrolment.login().equals(this.sessions.pendingLogin().orElse(null))) {
			enrolment = this.sessions.beginEnrolment();
			session.setAttribute(ENROLMENT, enrolment);
		}
		model.addAttribute("enrolment", enrolment);
		return "login-enrol";
	}

	@PostMapping("/login/enrol")
	String processEnrolForm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
		if (enrolment == null) {
			return "redirect:/login/enrol";
		}
		List<String> codes = this.sessions.confirmEnrolment(request, response, enrolment, code);
		if (codes.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("enrolment", enrolment);
			model.addAttribute("failed", true);
			return "login-enrol";
		}
		request.getSession().removeAttribute(ENROLMENT);
		model.addAttribute("codes", codes);
		return "recovery-codes";
	}

}

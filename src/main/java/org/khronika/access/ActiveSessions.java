package org.khronika.access;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/**
 * The logged-in sessions this server holds, so that an account page can list its own and
 * end one. They live in the servlet container's memory, as the sessions themselves do;
 * the container says when one ends or changes its id.
 */
public class ActiveSessions implements HttpSessionListener, HttpSessionIdListener {

	private final ConcurrentMap<String, HttpSession> byId = new ConcurrentHashMap<>();

	/** A session that has just logged in. */
	void add(HttpSession session) {
		this.byId.put(session.getId(), session);
	}

	/** Every session this server holds that logged in, ended or not. */
	List<HttpSession> all() {
		return List.copyOf(this.byId.values());
	}

	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		this.byId.remove(event.getSession().getId());
	}

	@Override
	public void sessionIdChanged(HttpSessionEvent event, String oldId) {
		HttpSession session = this.byId.remove(oldId);
		if (session != null) {
			this.byId.put(event.getSession().getId(), event.getSession());
		}
	}

}

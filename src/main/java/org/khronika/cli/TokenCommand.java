package org.khronika.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", description = "Manage API tokens.",
		subcommands = { TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class })
class TokenCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "create",
			description = "Create an API token for an account and print it (only this once) on stdout.")
	static class Create implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--login", required = true)
		String login;

		@Option(names = "--role",
				description = "The role the token acts in: the account's own (default), or analyst for an admin or editor.")
		String role;

		@Option(names = "--days", defaultValue = "90",
				description = "Days until it expires, 1 to 365 (default ${DEFAULT-VALUE}).")
		int days;

		@Option(names = "--label", defaultValue = "cli",
				description = "What the token is for (default ${DEFAULT-VALUE}).")
		String label;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				Role tokenRole = (this.role != null) ? UserCommand.role(this.role)
						: context.getBean(org.khronika.access.Accounts.class)
							.roleOf(this.login)
							.orElseThrow(() -> new Failures.CommandFailure("no enabled account '" + this.login + "'"));
				this.spec.commandLine()
					.getOut()
					.println(context.getBean(ApiTokens.class)
						.create(CommandLineActor.CLI, this.login, tokenRole, this.label, Duration.ofDays(this.days)));
			}
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

	@Command(name = "list", description = "List API tokens (never the tokens themselves): id, account, role, expiry.")
	static class ListTokens implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--login", description = "Only this account's tokens.")
		String login;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			Instant now = Instant.now();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				if (this.login != null && !context.getBean(Accounts.class).exists(this.login)) {
					throw new Failures.CommandFailure("no account '" + this.login + "'");
				}
				List<ApiTokens.TokenInfo> tokens = context.getBean(ApiTokens.class)
					.list(CommandLineActor.CLI, this.login);
				for (ApiTokens.TokenInfo token : tokens) {
					String state = (token.revokedAt() != null) ? "revoked"
							: token.isActive(now) ? "active until " + token.expiresAt() : "expired";
					out.printf("%s  %-20s %-9s %-20s %s%n", token.id(), token.login(), token.role().code(),
							token.label(), state);
				}
				if (tokens.isEmpty()) {
					out.println((this.login != null) ? "no tokens of '" + this.login + "'" : "no tokens");
				}
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "revoke", description = "Revoke an API token by the id 'token list' shows.")
	static class Revoke implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--id", required = true)
		String id;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				if (!context.getBean(ApiTokens.class).revoke(CommandLineActor.CLI, null, this.id)) {
					throw new Failures.CommandFailure("no active token with the id '" + this.id + "'");
				}
			}
			this.spec.commandLine().getOut().println("Revoked token " + this.id);
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}

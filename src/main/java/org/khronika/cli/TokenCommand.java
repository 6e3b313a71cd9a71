package org.khronika.cli;

import java.util.concurrent.Callable;

import org.khronika.access.ApiTokens;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
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

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				this.spec.commandLine().getOut().println(context.getBean(ApiTokens.class).create(this.login));
			}
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}

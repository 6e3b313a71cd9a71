package org.khronika.cli;

import java.util.concurrent.Callable;

import org.khronika.intake.Reports;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "intake-token",
		description = "Manage intake tokens: they may only hand in reports (POST /api/v1/reports), "
				+ "for a messenger bot or a partner organisation.",
		subcommands = { IntakeTokenCommand.Create.class, IntakeTokenCommand.Revoke.class })
class IntakeTokenCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "create", description = "Create an intake token and print it (only this once) on stdout.")
	static class Create implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--label", required = true, description = "Who it is for, unique: telegram-bot, partner-x.")
		String label;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				this.spec.commandLine()
					.getOut()
					.println(context.getBean(Reports.class).createToken(CommandLineActor.CLI, this.label));
			}
			catch (IllegalArgumentException ex) {
				throw new Failures.CommandFailure(ex.getMessage());
			}
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

	@Command(name = "revoke", description = "Revoke the intake token with this label.")
	static class Revoke implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Option(names = "--label", required = true)
		String label;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				if (!context.getBean(Reports.class).revokeToken(CommandLineActor.CLI, this.label)) {
					throw new Failures.CommandFailure("no intake token labelled '" + this.label + "'");
				}
			}
			this.spec.commandLine().getOut().println("Revoked intake token " + this.label);
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
